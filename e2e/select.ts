import { expect, type Locator } from "@playwright/test";

// The console's selects are Radix Selects: a labelled combobox button and a listbox of options.
// Picked the way a user does, and checked by the value the button shows.

export async function choose(select: Locator, option: string) {
  await select.click();
  await select.page().getByRole("listbox").getByRole("option", { name: option, exact: true }).click();
  await expect(select).toHaveText(option);
}
