import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/check/index.js';
import { rulesMarkdown } from '../scripts/rules-doc.js';

describe('rule modules', () => {
  it('each rule has a unique id, a severity, Chinese and English descriptions and docs', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of RULES) {
      expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(meta.severity);
      expect(meta.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(meta.description.en).toMatch(/^[A-Za-z0-9]/);
      expect(meta.docs.length).toBeGreaterThan(40);
    }
  });

  it('docs/rules.md is generated from the current rules (run npm run docs:rules)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(rulesMarkdown());
  });
});
