import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Debian's Chromium, or a Playwright-managed browser where the user has one; null when neither exists. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // no Playwright-managed browser
  }
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}
