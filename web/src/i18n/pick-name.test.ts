import { describe, expect, it } from 'vitest';
import { pickName } from './pick-name.js';

describe('names in the UI language', () => {
  it('picks the name in the UI language, the other one when it is empty', () => {
    expect(pickName('无锡职业技术学院', 'Wuxi Institute of Technology', 'en')).toBe('Wuxi Institute of Technology');
    expect(pickName('无锡职业技术学院', 'Wuxi Institute of Technology', 'zh-CN')).toBe('无锡职业技术学院');
    expect(pickName('无锡职业技术学院', '', 'en')).toBe('无锡职业技术学院');
    expect(pickName('', 'Wuxi', 'zh-CN')).toBe('Wuxi');
  });
});
