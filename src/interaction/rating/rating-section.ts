/** Portal nav: 社会评议 is always there, since the always-open rating (open-ratings.portal.tsx) never closes. */
export async function ratingSection(_ctx: unknown, a: { id: string; pathSegment: string }) {
  return [{ href: `/${a.pathSegment}/pingyi/`, label: '社会评议' }];
}
