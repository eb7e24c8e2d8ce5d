import { describe, expect, it } from 'vitest';
import { checkImportFile, formatAcceptList, formatFileSize } from './import-file.js';

const MiB = 1024 * 1024;

describe('checking a picked file before it is uploaded', () => {
  it('accepts a listed extension in any case, up to the limit', () => {
    expect(checkImportFile({ name: 'postings.CSV', size: 10 }, ['.csv', '.xlsx'], MiB)).toBeNull();
    expect(checkImportFile({ name: 'plan.xlsx', size: MiB }, ['.csv', '.xlsx'], MiB)).toBeNull();
  });

  it('refuses another type before looking at the size', () => {
    expect(checkImportFile({ name: 'postings.csv.txt', size: 10 }, ['.csv'], MiB)).toBe('type');
    expect(checkImportFile({ name: 'huge.pdf', size: 10 * MiB }, ['.csv'], MiB)).toBe('type');
    expect(checkImportFile({ name: 'csv', size: 1 }, ['.csv'], MiB)).toBe('type');
  });

  it('refuses a file one byte past the limit', () => {
    expect(checkImportFile({ name: 'big.csv', size: MiB + 1 }, ['.csv'], MiB)).toBe('tooLarge');
  });
});

describe('file sizes as people read them', () => {
  it('uses whole bytes, then binary units with at most one decimal', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(1023)).toBe('1023 B');
    expect(formatFileSize(1024)).toBe('1 KB');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(8 * MiB)).toBe('8 MB');
    expect(formatFileSize(64 * MiB)).toBe('64 MB');
    expect(formatFileSize(2.25 * 1024 * MiB)).toBe('2.3 GB');
  });

  it('stays in gigabytes for larger sizes and treats a negative count as nothing', () => {
    expect(formatFileSize(2048 * 1024 * MiB)).toBe('2048 GB');
    expect(formatFileSize(-5)).toBe('0 B');
  });
});

describe('the accepted types in a sentence', () => {
  it('lists them as alternatives in the UI language', () => {
    expect(formatAcceptList(['.xlsx', '.json'], 'en')).toBe('.xlsx or .json');
    expect(formatAcceptList(['.csv', '.jsonl', '.xlsx'], 'en')).toBe('.csv, .jsonl, or .xlsx');
    expect(formatAcceptList(['.xlsx', '.json'], 'zh-CN')).toBe('.xlsx或.json');
  });
});
