import { clipText } from './text';

it('clipText keeps short text and cuts long text to n characters with …', () => {
  expect(clipText('配电箱未上锁')).toBe('配电箱未上锁');
  const long = '甲'.repeat(45);
  expect(clipText(long)).toBe(`${'甲'.repeat(39)}…`);
  expect(clipText(long, 10)).toHaveLength(10);
});
