// Wide screens (a PC browser, ≥ 1024 px) get the desk layout: side navigation and tables for lists.
// Only the browser build can be that wide; the mini-program is always the phone layout.
import { useEffect, useState } from 'react';

export const DESK_MIN_WIDTH = 1024;

function isDeskNow(): boolean {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return false;
  return window.innerWidth >= DESK_MIN_WIDTH;
}

export function useDesk(): boolean {
  const [desk, setDesk] = useState(isDeskNow);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
    const onResize = () => setDesk(isDeskNow());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return desk;
}
