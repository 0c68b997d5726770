// The desk navigation exists in the browser build only (desk-nav.h5.tsx, picked by Taro's per-platform
// file resolution); the mini-program keeps its native tab bar and renders nothing here.
export function DeskNav(): null {
  return null;
}
