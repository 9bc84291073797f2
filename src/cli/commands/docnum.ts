import { formatDocumentNumber, parseDocumentNumber } from '../../documents/index.js';
import { t } from '../format.js';
import { UsageError, type CliLang } from '../io.js';
import type { CommandResult } from './types.js';

/** `vn-egov docnum parse "Số: 15/QĐ-UBND"` */
export function docnumCommand(positionals: string[], lang: CliLang): CommandResult {
  const [sub, text] = positionals;
  if (sub !== 'parse') throw new UsageError('usage: vn-egov docnum parse "<number/symbol>"');
  if (text === undefined) throw new UsageError('missing the document number, e.g. "Số: 15/QĐ-UBND"');
  const p = parseDocumentNumber(text);
  const type = p.documentType?.name ?? p.legalType?.name ?? (p.kind === 'cong-van' ? 'Công văn' : '—');
  const lines = [
    `${t(lang, 'Số, ký hiệu', 'Number/symbol')}: ${formatDocumentNumber(p)}`,
    `${t(lang, 'Số', 'Number')}: ${p.number}${p.year !== null ? `   ${t(lang, 'Năm', 'Year')}: ${p.year}` : ''}`,
    `${t(lang, 'Loại', 'Type')}: ${type}${p.legalNormative ? t(lang, ' (văn bản quy phạm pháp luật)', ' (legal normative document)') : ''}`,
    `${t(lang, 'Cơ quan ban hành', 'Issuer')}: ${p.issuers.join('-')}${p.units.length ? `   ${t(lang, 'Đơn vị soạn thảo', 'Drafting unit')}: ${p.units.join('-')}` : ''}`,
  ];
  for (const w of p.warnings) lines.push(`${t(lang, 'Cảnh báo', 'Warning')}: ${w.message} (${w.code})`);
  return { json: p, text: lines.join('\n') };
}
