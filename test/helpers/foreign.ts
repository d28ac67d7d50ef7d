/** A spacecoop draft as the other side would see it: no invisible markers, no drafting notes. */
export function stripMarkers(md: string): string {
  return md
    .replace(/<!-- spacecoop:notes -->[\s\S]*?<!-- \/spacecoop:notes -->/, '')
    .replace(/^<!--[\s\S]*?-->\n?/gm, '')
    .replace(/^## Drafting notes for review[\s\S]*$/m, '');
}
