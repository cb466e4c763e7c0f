import { proposeSlug } from "../campaigns/propose-slug";

/** An uploaded file's text and the address proposed from its title (empty when it has none). */
export async function readQuestionnaireFile(
  file: File,
  locale: "nl" | "fr" | "en",
): Promise<{ text: string; proposedSlug: string }> {
  const text = await file.text();
  let title: unknown;
  try {
    title = (JSON.parse(text) as { title?: unknown }).title;
  } catch {
    // The server names what is wrong with the file; no address can be proposed from it.
  }
  const inLocale =
    typeof title === "string"
      ? title
      : typeof title === "object" && title !== null
        ? (title as Record<string, unknown>)[locale]
        : undefined;
  return { text, proposedSlug: typeof inLocale === "string" ? proposeSlug(inLocale) : "" };
}
