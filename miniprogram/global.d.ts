// Ambient declarations for the Taro source tree.
declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_API_BASE?: string;
  }
}

// NutUI's icon settings, imported by path so the icon index (every icon) stays out of the bundle.
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export function configure(config: { tag?: string; classPrefix?: string; fontClassName?: string; useSvg?: boolean }): void;
}

// react-dom ships without types and only the browser build's desk navigation uses it (a portal).
declare module 'react-dom' {
  export function createPortal(children: import('react').ReactNode, container: Element): import('react').ReactPortal;
}
