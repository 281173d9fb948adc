"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { IpMode } from "@/lib/net/ipv4";
import type { PublicSipParameters } from "@/lib/platform/public-sip";
import { CustomSipDrawer } from "./custom-sip-drawer";

/** Phone Numbers → Import number → From Custom SIP. */
export function ImportNumberMenu(props: { spaceId: string; ipMode: IpMode; platform: PublicSipParameters; canManage: boolean }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <div className="relative inline-block text-left">
      <Button aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((v) => !v)}>
        Import number
      </Button>
      {menuOpen ? (
        <div role="menu" className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          <button
            type="button"
            role="menuitem"
            className="block w-full px-3 py-2 text-left text-sm hover:bg-slate-100"
            onClick={() => {
              setMenuOpen(false);
              setDrawerOpen(true);
            }}
          >
            From Custom SIP
          </button>
        </div>
      ) : null}
      <CustomSipDrawer {...props} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
    </div>
  );
}
