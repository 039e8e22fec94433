/** Where focus goes: the first of `selectors` (`a, b`, in order of preference) that is rendered. */
export const firstPresent = (root: ParentNode, selectors: string): HTMLElement | undefined =>
  selectors
    .split(', ')
    .map((selector) => root.querySelector<HTMLElement>(selector))
    .find((element): element is HTMLElement => !!element);
