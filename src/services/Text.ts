/** "free_workspace" → "Free Workspace": plan names arrive as identifiers. */
export const titleCase = (id: string): string =>
  id
    .split(/[_\s-]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ")
