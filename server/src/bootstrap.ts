import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { errorBody } from './common/exception.filter';
import type { AppConfig } from './config/config';
import { scanLinkRedirect } from './scan/scan-link';
import { securityHeaders, serveH5 } from './static/h5';

export const JSON_LIMIT = '256kb';

function rejectNonJson(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  // Uploads (POST /api/files) are multipart; everything else is JSON.
  const upload = req.method === 'POST' && req.path === '/files' && req.is('multipart/form-data');
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !upload && !req.is('application/json')) {
    res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE'));
    return;
  }
  next();
}

// body-parser's failures happen before Nest sees the request: answer them in the error shape of docs/api.md here.
function bodyErrors(err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction): void {
  if (err.type === 'entity.parse.failed') res.status(400).json(errorBody('MALFORMED_JSON'));
  else if (err.type === 'entity.too.large') res.status(413).json(errorBody('PAYLOAD_TOO_LARGE'));
  else if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') res.status(415).json(errorBody('UNSUPPORTED_MEDIA_TYPE'));
  else if (err.status && err.status < 500) res.status(400).json(errorBody('BAD_REQUEST'));
  else next(err);
}

/** The configured application, not yet listening: used by main.ts and the tests alike. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // Behind a proxy or load balancer, req.ip (the login throttle's key) comes from X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use('/api', rejectNonJson, express.json({ limit: JSON_LIMIT, strict: true }), bodyErrors);
  app.setGlobalPrefix('api');
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('安全互助 API')
      .setDescription('Safety-production mutual-aid cooperatives: the public HTTP contract.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  app.use('/api/openapi.json', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    res.json(doc);
  });
  app.use(scanLinkRedirect);
  serveH5(app, config.h5Dir);
  await app.init();
  return app;
}
