// A template is data: what groups of columns a grid has, which leaf labels they carry,
// how its header reads and how it rolls up. Years and periods are not part of it: they
// come from each file (a Layout), so the same template serves 2020–2030 plans and annual ones.

import type { TEMPLATES } from './index';

/** The ids of the templates in TEMPLATES, read off their definitions ('xmc', 'pcgd-mn', …). */
export type TemplateId = (typeof TEMPLATES)[number]['id'];

/** `Id`: a definition file states its own id (`TemplateDef<'xmc'>`), which TemplateId is made of. */
export interface TemplateDef<Id extends string = TemplateId> {
  id: Id;
  /** Sheet name and first line of the official sheet: "Phụ lục 1". */
  appendix: string;
  /** Short Vietnamese name shown in the app. */
  name: string;
  /** Folded words that identify the grid in header or title text (any one suffices). */
  keywords: string[];
  /** 'level': exclusive MĐ levels, higher is better. 'pass': an Đạt/KĐ pair. */
  scale: 'level' | 'pass';
  /** Leaf labels of the mark columns of one group, lowest level first ("KĐ" last for pass). */
  marks: string[];
  /** Leaf label of a free-text column after the marks of each result group ("Đánh giá"). */
  assessment?: string;
  /** Age sub-groups of a result year ("3 tuổi"); periods carry none. */
  ages?: string[];
  /** Header texts; {year} is replaced. */
  header: { result: string; periods: string; period?: string };
  /** Title of the official sheet, before " TRÊN ĐỊA BÀN …". */
  title: string;
  /** The "Ghi chú" line. */
  notes: string;
  /** Roll-up thresholds in percent, one per mark level (pass scale: one, for Đạt). */
  thresholds: number[];
  /** Other grids whose level this one needs for the same commune and group (level.prerequisite). */
  prerequisites?: { template: TemplateId; minLevel: number }[];
  /** The layout a new, empty report gets. */
  defaultLayout: Layout;
}

/** Which result years and proposal periods a report has, as the file says them. */
export interface Layout {
  results: string[];
  periods: string[];
}
