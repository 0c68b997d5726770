import type { NextFunction, Request, Response } from 'express';
import { SCAN_PAGE_PATH } from '../../../shared/schemas/workshops';

const LINK = /^\/q\/([A-Za-z0-9_-]{1,64})\/?$/;

/**
 * `/q/<token>`, the link a QR label holds, opened in a phone browser: on to the browser app's scan page,
 * which resolves the token after login. (In WeChat the registered link prefix opens the mini-program
 * instead, see docs/wechat.md.)
 */
export function scanLinkRedirect(req: Request, res: Response, next: NextFunction): void {
  const m = req.method === 'GET' || req.method === 'HEAD' ? LINK.exec(req.path) : null;
  if (!m) return next();
  res.setHeader('Cache-Control', 'no-store');
  res.redirect(302, `${SCAN_PAGE_PATH}?q=${m[1]}`);
}
