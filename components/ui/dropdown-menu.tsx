"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { ChevronDown } from "lucide-react";
import { useRef } from "react";
import { Button } from "./button";

/**
 * A button that opens a menu of actions (Radix DropdownMenu: Enter, Space and ArrowDown open
 * it, arrows move, Enter picks, Escape closes and focus returns to the button).
 * `keepFocusOnClose` is for items that open something that takes focus itself (a drawer).
 */
export function DropdownMenu({
  label,
  items,
  triggerRef,
}: {
  label: string;
  items: readonly { label: string; onSelect: () => void; opensOverlay?: boolean }[];
  triggerRef?: React.Ref<HTMLButtonElement>;
}) {
  const overlayOpening = useRef(false);
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <Button ref={triggerRef}>
          {label}
          <ChevronDown aria-hidden className="size-4" />
        </Button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={4}
          onCloseAutoFocus={(e) => {
            if (overlayOpening.current) e.preventDefault();
            overlayOpening.current = false;
          }}
          className="z-30 min-w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {items.map((item) => (
            <Menu.Item
              key={item.label}
              onSelect={() => {
                overlayOpening.current = item.opensOverlay ?? false;
                item.onSelect();
              }}
              className="block cursor-default px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-slate-100"
            >
              {item.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
