import type { Page } from "@playwright/test";

/**
 * A toast showing `text`. Radix also copies the text into a hidden live region for screen
 * readers, so a page-wide getByText finds it twice: look inside the toasts.
 */
export function toast(page: Page, text: string | RegExp) {
  return page.getByRole("region", { name: /Notifications/ }).getByTestId("toast").filter({ hasText: text });
}
