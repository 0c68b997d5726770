import { ConfigError, loadConfig } from '../config/config';

// PUSH_* settings as the server reads them at boot (the parsing itself: shared/push-templates.spec.ts).
const BASE = { DB_PATH: ':memory:' }; // demo mode: no secrets needed

describe('push settings', () => {
  it('defaults: the demo templates, every 5 s, claims stale after 2 minutes', () => {
    const c = loadConfig(BASE);
    expect(c.push.everyMs).toBe(5000);
    expect(c.push.staleMs).toBe(120_000);
    expect(c.push.templates.map((t) => t.templateId)).toContain('demo-tmpl-deadline');
  });

  it('PUSH_TEMPLATES sets the template ids', () => {
    const c = loadConfig({ ...BASE, PUSH_TEMPLATES: '{"deadline":"Xy9_real-template-id"}', PUSH_EVERY_MS: '1000', PUSH_STALE_MS: '30000' });
    expect(c.push.templates.find((t) => t.topic === 'deadline')?.templateId).toBe('Xy9_real-template-id');
    expect(c.push).toMatchObject({ everyMs: 1000, staleMs: 30_000 });
  });

  it.each([
    ['{"deadline":', /PUSH_TEMPLATES: not valid JSON/],
    ['{"birthday":"x"}', /PUSH_TEMPLATES: unknown topic birthday/],
  ])('a bad PUSH_TEMPLATES (%s) stops the start naming it', (raw, message) => {
    expect(() => loadConfig({ ...BASE, PUSH_TEMPLATES: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, PUSH_TEMPLATES: raw })).toThrow(message);
  });

  it('PUSH_STALE_MS under half a second is refused (a live send must never look dead)', () => {
    expect(() => loadConfig({ ...BASE, PUSH_STALE_MS: '100' })).toThrow(/PUSH_STALE_MS/);
  });
});
