"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { CustomSipDrawer } from "@/components/sip-accounts/custom-sip-drawer";
import { Button } from "@/components/ui/button";
import type { IpMode } from "@/lib/net/ipv4";
import type { PublicSipParameters } from "@/lib/platform/public-sip";

/**
 * Admin → Carrier → Carrier accounts: the Custom SIP drawer itself, in the platform Space. Its
 * accounts are the carrier connections and the numbers bound to them are the pool.
 */
export function CarrierAccountsButton(props: { platformSpaceId: string; ipMode: IpMode; platform: PublicSipParameters }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  return (
    <>
      <Button ref={trigger} onClick={() => setOpen(true)}>Carrier accounts</Button>
      <CustomSipDrawer
        spaceId={props.platformSpaceId}
        ipMode={props.ipMode}
        platform={props.platform}
        canManage
        open={open}
        onClose={() => {
          setOpen(false);
          router.refresh();
        }}
        returnFocusRef={trigger}
      />
    </>
  );
}
