"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { DropdownMenu } from "@/components/ui/dropdown-menu";
import type { IpMode } from "@/lib/net/ipv4";
import type { PublicSipParameters } from "@/lib/platform/public-sip";
import { CustomSipDrawer } from "./custom-sip-drawer";

/** `?import=custom-sip` opens the drawer: the empty list's next step links here. */
export const IMPORT_PARAM = "import=custom-sip";

/** Phone Numbers → Import number → From Custom SIP. */
export function ImportNumberMenu(props: { spaceId: string; ipMode: IpMode; platform: PublicSipParameters; canManage: boolean }) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fromLink = params.get("import") === "custom-sip";
  return (
    <>
      <DropdownMenu label="Import number" triggerRef={trigger} items={[{ label: "From Custom SIP", opensOverlay: true, onSelect: () => setDrawerOpen(true) }]} />
      <CustomSipDrawer
        {...props}
        open={drawerOpen || fromLink}
        onClose={() => {
          setDrawerOpen(false);
          if (fromLink) router.replace(pathname, { scroll: false });
        }}
        returnFocusRef={trigger}
      />
    </>
  );
}
