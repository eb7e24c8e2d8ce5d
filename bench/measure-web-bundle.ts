import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  readonly file: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export interface WebBundleFigure {
  /** The JS the first page asks for before it runs: module entry scripts and modulepreload links. */
  readonly initial: { readonly files: readonly SizedFile[]; readonly rawBytes: number; readonly gzipBytes: number };
  /** Every .js file under assets/, lazy chunks included. */
  readonly allJs: { readonly fileCount: number; readonly rawBytes: number; readonly gzipBytes: number };
}

/** Sizes of the built web app in `webRoot` (dist/web); gzip at level 9 as a static server would serve it. */
export function measureWebBundle(webRoot: string): WebBundleFigure {
  const html = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
  const referenced = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attributes = readAttributes(tag);
    const isModuleScript = /^<script/i.test(tag) && attributes.get('type') === 'module' && attributes.has('src');
    const isModulePreload = /^<link/i.test(tag) && (attributes.get('rel') ?? '').split(/\s+/).includes('modulepreload');
    const reference = isModuleScript ? attributes.get('src') : isModulePreload ? attributes.get('href') : undefined;
    if (reference && !/^[a-z]+:\/\//i.test(reference)) referenced.add(reference.split(/[?#]/)[0] ?? reference);
  }
  const initialFiles = [...referenced].map((reference) =>
    sizeOf(webRoot, path.join(webRoot, reference.replace(/^\/+/, ''))),
  );
  const allFiles = listFiles(path.join(webRoot, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => sizeOf(webRoot, file));
  return {
    initial: {
      files: initialFiles,
      rawBytes: total(initialFiles, 'rawBytes'),
      gzipBytes: total(initialFiles, 'gzipBytes'),
    },
    allJs: {
      fileCount: allFiles.length,
      rawBytes: total(allFiles, 'rawBytes'),
      gzipBytes: total(allFiles, 'gzipBytes'),
    },
  };
}

function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = match[1];
    if (!name || /^(script|link)$/i.test(name)) continue;
    attributes.set(name.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

function sizeOf(webRoot: string, file: string): SizedFile {
  const content = fs.readFileSync(file);
  return {
    file: path.relative(webRoot, file).split(path.sep).join('/'),
    rawBytes: content.length,
    gzipBytes: gzipSync(content, { level: 9 }).length,
  };
}

function listFiles(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function total(files: readonly SizedFile[], key: 'rawBytes' | 'gzipBytes'): number {
  return files.reduce((sum, file) => sum + file[key], 0);
}
