import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/text/read.ts';
import { buildDocx, para, row, table } from './read-fixtures.ts';
import { chineseCounting } from '../../src/text/docx-numbering.ts';

const numbered = (numId: number, ilvl: number, text: string) => para(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

/** Word's own definition of a two-level Chinese outline list: 一、 then （一）. */
const chineseOutline = `
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`;

describe('reading a .docx', () => {
  it('keeps paragraphs and tables in document order, table cells as cells', async () => {
    const docx = buildDocx([
      para('宁波市2019年民生实事项目'),
      para('新增停车位15000个，分解如下：'),
      table(row('区域', '海曙', '江北', '镇海'), row('停车位（个）', '3000', '2500', '1800')),
      para('以上任务年底前完成。'),
    ].join(''));
    const doc = await readDocument(docx, 'quota.docx');
    expect(doc).toMatchObject({ name: 'quota.docx', format: 'docx', encoding: 'binary-container' });
    expect(doc.text).toBe([
      '宁波市2019年民生实事项目',
      '新增停车位15000个，分解如下：',
      '区域\t海曙\t江北\t镇海',
      '停车位（个）\t3000\t2500\t1800',
      '以上任务年底前完成。',
    ].join('\n'));
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '宁波市2019年民生实事项目' },
      { kind: 'paragraph', text: '新增停车位15000个，分解如下：' },
      { kind: 'table', rows: [['区域', '海曙', '江北', '镇海'], ['停车位（个）', '3000', '2500', '1800']] },
      { kind: 'paragraph', text: '以上任务年底前完成。' },
    ]);
  });

  it('joins the runs of a paragraph and keeps a merged cell from shifting the columns after it', async () => {
    const runs = '<w:p><w:r><w:t>地区生产总值增长</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>6.5%</w:t></w:r><w:r><w:t>左右</w:t></w:r></w:p>';
    const merged = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>10</w:t></w:r></w:p></w:tc></w:tr>';
    const doc = await readDocument(buildDocx(runs + table(row('区', '项目', '数量')).replace('</w:tbl>', `${merged}</w:tbl>`)), 'm.docx');
    expect(doc.text).toBe('地区生产总值增长6.5%左右\n区\t项目\t数量\n合计\t\t10');
  });

  it('shows the numbers of automatic lists as Word displays them', async () => {
    const docx = buildDocx([
      numbered(1, 0, '2019年工作回顾'),
      numbered(1, 1, '经济运行稳中有进'),
      numbered(1, 1, '改革开放纵深推进'),
      numbered(2, 0, '全年新增就业1.5万人'),
      numbered(1, 0, '2020年主要目标'),
      numbered(1, 1, '地区生产总值增长6%左右'),
    ].join(''), chineseOutline);
    const doc = await readDocument(docx, 'list.docx');
    expect(doc.text.split('\n')).toEqual([
      '一、2019年工作回顾',
      '（一）经济运行稳中有进',
      '（二）改革开放纵深推进',
      '1. 全年新增就业1.5万人',
      '二、2020年主要目标',
      '（一）地区生产总值增长6%左右',
    ]);
  });

  it('leaves out deleted, moved-away and hidden text, field codes and the fallback copy of a text box', async () => {
    const body = '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
      + '<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>'
      + '<w:r><w:instrText> PAGE </w:instrText></w:r>'
      + '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>框内</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>框内</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>';
    expect((await readDocument(buildDocx(body), 'x.docx')).text).toBe('保留框内');
  });

  it('reads a .docx by its content even under another name', async () => {
    const doc = await readDocument(buildDocx(para('增长6.5%')), 'download.bin');
    expect(doc.format).toBe('docx');
    expect(doc.text).toBe('增长6.5%');
  });
});

describe('Chinese counting numbers of Word lists', () => {
  it.each([[1, '一'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [100, '一百'], [105, '一百零五'], [1010, '一千零一十']])('%i → %s', (n, zh) => {
    expect(chineseCounting(n, '〇一二三四五六七八九', '十百千')).toBe(zh);
  });
});
