import { expect, expectAccessible, followMenu, signInAs, test } from "./fixtures";

const text = {
  ja: { menu: "SCIM連携", heading: "SCIM連携", name: "名前", create: "発行する", revoke: (name: string) => `${name} を失効`, revoked: /に失効$/, dismiss: "コピーしました", once: "表示はこの一度だけ" },
  en: { menu: "SCIM provisioning", heading: "SCIM provisioning", name: "Name", create: "Create token", revoke: (name: string) => `Revoke ${name}`, revoked: /^Revoked /, dismiss: "I have copied it", once: "shown only this once" },
} as const;

for (const locale of ["ja", "en"] as const) {
  const w = text[locale];

  test(`${locale}: the admin creates a SCIM token, sees it once, and revokes it; the endpoint then refuses it`, async ({ page }) => {
    await signInAs(page, "admin", locale);
    await followMenu(page, locale, "admin", w.menu);
    await expect(page.getByRole("heading", { level: 1, name: w.heading })).toBeVisible();
    const name = `Entra ID ${locale} ${Date.now()}`;
    await page.getByLabel(w.name, { exact: true }).fill(name);
    await page.getByRole("button", { name: w.create }).click();

    const secret = page.getByTestId("scim-token-secret");
    await expect(secret).toHaveText(/^kzscim_/);
    await expect(page.getByText(w.once, { exact: false })).toBeVisible();
    const token = (await secret.textContent())!.trim();
    await expectAccessible(page);
    const accepted = await page.request.get("/scim/v2/Users?count=1", { headers: { authorization: `Bearer ${token}` } });
    expect(accepted.status()).toBe(200);

    // Shown once: gone after dismissing, and not on the page after a reload.
    await page.getByRole("button", { name: w.dismiss }).click();
    await expect(secret).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(row).toBeVisible();

    await row.getByRole("button", { name: w.revoke(name), exact: true }).click();
    await expect(row.getByText(w.revoked)).toBeVisible();
    await expectAccessible(page);
    const refused = await page.request.get("/scim/v2/Users?count=1", { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status()).toBe(401);
  });
}
