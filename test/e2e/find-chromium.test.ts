import { describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { findChromium } from "./find-chromium";

// A bare machine has no /usr/bin/chromium: the browser tests must still run there, on the
// Chromium that `npm install` brings. This forces that path even where Debian's is installed.
describe("the browser the tests drive", () => {
  it("comes with npm install when the system has none, and renders a page", async () => {
    const previous = process.env.PEILPUNT_TEST_CHROMIUM;
    process.env.PEILPUNT_TEST_CHROMIUM = "bundled";
    try {
      const choice = await findChromium();
      expect(choice.kind).toBe("bundled");
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.setContent("<p lang='fr'>Tout à fait d’accord</p>");
        const box = await page.locator("p").boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(50);
      } finally {
        await browser.close();
      }
    } finally {
      if (previous === undefined) delete process.env.PEILPUNT_TEST_CHROMIUM;
      else process.env.PEILPUNT_TEST_CHROMIUM = previous;
    }
  });
});
