// Charts of the seven pathways' need scores: each pathway is scored from 1 (no
// need) to 10 (severe, urgent need), so lower is better. These functions only
// build ECharts options and table rows, so they are unit-tested; the component
// PathwayChart.svelte draws them. Every series must read without colour: each
// has its own line dash and point shape, and the scores are printed beside the
// points wherever two numbers cannot collide (see labelledSeries), with every
// number in the table view.
import type { ComposeOption } from 'echarts/core';
import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  RadarComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { PATHWAYS, pathwayLabel } from './pathwayWords';

export type EChartsOption = ComposeOption<
  | RadarSeriesOption
  | LineSeriesOption
  | RadarComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | TitleComponentOption
>;

/** One set of scores drawn as one shape: an assessment, or a review. */
export interface ScoreSeries {
  label: string;
  /** In PATHWAYS order, seven of them; null where the pathway was not scored. */
  scores: (number | null)[];
}

/** One assessment's score for one pathway, for a chart over time. */
export interface ScorePoint {
  label: string;
  score: number;
}

/** A row of the table that stands in for a chart. */
export interface TableRow {
  label: string;
  /** One for each series: the score, or "–" when not scored. */
  cells: string[];
  /** The last row, which adds each series' scores up. */
  total: boolean;
}

export const MIN_SCORE = 1;
export const MAX_SCORE = 10;
export const NOT_SCORED = '–';
export const NEED_AXIS_NAME = 'Need (1 low, 10 high)';

/** The sizes a chart is saved at, whatever the size of the window. */
export const EXPORT_SIZE = {
  radar: { width: 720, height: 520 },
  line: { width: 720, height: 320 },
} as const;

/** The app's system font stack (as --font-sans in app.css), so saved pictures match the screen. */
export const CHART_FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

const TEXT = '#1b2429'; // --text
const TEXT_MUTED = '#4f5d66'; // --text-muted
const RULE = '#d5dbdf'; // --border
const AXIS = '#76848d'; // --border-strong

/** Short names that fit around the radar. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  accommodation: 'Accommodation',
  education_training_employment: 'Education, training, employment',
  health: 'Health',
  drugs_and_alcohol: 'Drugs and alcohol',
  finance_benefits_debt: 'Finance, benefits, debt',
  children_and_families: 'Children and families',
  attitudes_thinking_behaviour: 'Attitudes, thinking, behaviour',
};

export type LineDash = 'solid' | 'dashed' | 'dotted' | number[];

export interface SeriesLook {
  colour: string;
  dash: LineDash;
  symbol: 'circle' | 'triangle' | 'rect' | 'diamond';
}

/** Each colour has at least 7:1 contrast on white; shape and dash tell the series apart without it. */
export const SERIES_LOOKS: readonly SeriesLook[] = [
  { colour: '#0b5c63', dash: 'solid', symbol: 'circle' },
  { colour: '#a34700', dash: 'dashed', symbol: 'triangle' },
  { colour: '#5b3a8c', dash: 'dotted', symbol: 'rect' },
  { colour: '#3d4850', dash: [10, 4, 2, 4], symbol: 'diamond' },
];

/** The look of the nth series; after the fourth they repeat. */
export function seriesLook(index: number): SeriesLook {
  return SERIES_LOOKS[index % SERIES_LOOKS.length];
}

/** The short name of a pathway for a chart's axis. */
export function pathwayShortName(code: string): string {
  return SHORT_NAMES[code] ?? pathwayLabel(code);
}

/** Seven scores in PATHWAYS order; anything that is not a finite number is "not scored". */
export function normaliseScores(scores: readonly (number | null)[]): (number | null)[] {
  return PATHWAYS.map((_, i) => {
    const score = scores[i];
    return typeof score === 'number' && Number.isFinite(score) ? score : null;
  });
}

/** Whether any series has any pathway scored. */
export function hasScores(series: readonly ScoreSeries[]): boolean {
  return series.some((s) => normaliseScores(s.scores).some((score) => score !== null));
}

/** A long name is split over two lines at the space nearest its middle. */
export function wrapName(name: string, longest = 16): string {
  if (name.length <= longest) return name;
  const middle = name.length / 2;
  let best = -1;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best < 0 ? name : `${name.slice(0, best)}\n${name.slice(best + 1)}`;
}

export interface ChartOptions {
  /** Drawn above the chart: for a saved picture, which has no caption around it. */
  title?: string;
}

const LABEL_HALO = { textBorderColor: '#ffffff', textBorderWidth: 3 } as const;

function titleOption(title: string | undefined): TitleComponentOption | undefined {
  if (!title) return undefined;
  return {
    text: title,
    left: 'center',
    top: 12,
    textStyle: { color: TEXT, fontSize: 17, fontWeight: 600, fontFamily: CHART_FONT },
  };
}

function common(title: string | undefined): EChartsOption {
  const option: EChartsOption = {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: TEXT },
  };
  const heading = titleOption(title);
  if (heading) {
    option.title = heading;
    option.backgroundColor = '#ffffff';
  }
  return option;
}

/**
 * Scores below this are drawn so near the centre, where the seven spokes
 * meet, that their numbers would sit on top of each other: they are left
 * unlabelled on the radar, and the table view ("Show as table") has them all.
 */
export const RADAR_LABEL_FROM = 4;

/** The number printed beside a radar point: blank when unscored or too near the centre. */
export function radarPointLabel(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < RADAR_LABEL_FROM) return '';
  return String(Math.round(value * 10) / 10);
}

/**
 * Which series of a radar print their scores, and where. Two numbers on one
 * point fit, one above it and one below; a third or a fourth had nowhere to
 * go that did not cover another series' number or line. So a radar of one or
 * two series labels each; of three, the first and the last (where the client
 * started and where they are now); of four or more, none, and its table view
 * (always in the page, shown on request) and the figures beside it carry
 * every number.
 */
export function labelledSeries(count: number): ReadonlyMap<number, 'top' | 'bottom'> {
  if (count <= 0 || count >= 4) return new Map();
  if (count === 1) return new Map([[0, 'top']]);
  return new Map([
    [0, 'top'],
    [count - 1, 'bottom'],
  ]);
}

/**
 * A radar of the seven pathways, one shape for each series: 0 at the centre,
 * 10 (severe need) at the rim, so a smaller shape is better. A pathway not
 * scored sits at the centre with no number printed beside it.
 */
export function radarOption(series: readonly ScoreSeries[], options: ChartOptions = {}): EChartsOption {
  const titled = Boolean(options.title);
  const option = common(options.title);
  option.radar = {
    indicator: PATHWAYS.map((p) => ({ name: wrapName(pathwayShortName(p.value)), min: 0, max: MAX_SCORE })),
    splitNumber: 5,
    shape: 'polygon',
    center: ['50%', titled ? '52%' : '47%'],
    radius: titled ? '70%' : '74%',
    axisName: { color: TEXT, fontSize: 13, fontFamily: CHART_FONT, lineHeight: 16 },
    axisNameGap: 10,
    axisLine: { lineStyle: { color: AXIS } },
    splitLine: { lineStyle: { color: RULE } },
    splitArea: { show: false },
    axisLabel: { show: false },
  };
  option.legend = {
    bottom: 8,
    left: 'center',
    selectedMode: false,
    itemWidth: 14,
    itemHeight: 14,
    itemGap: 24,
    textStyle: { color: TEXT, fontSize: 13, fontFamily: CHART_FONT },
    data: series.map((s, i) => ({ name: s.label, icon: seriesLook(i).symbol })),
  };
  option.tooltip = { trigger: 'item', confine: true };
  const labelled = labelledSeries(series.length);
  option.series = series.map((s, i): RadarSeriesOption => {
    const look = seriesLook(i);
    return {
      type: 'radar',
      name: s.label,
      symbol: look.symbol,
      symbolSize: 9,
      z: 2 + i,
      lineStyle: { color: look.colour, type: look.dash, width: 2 },
      itemStyle: { color: look.colour, borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: labelled.has(i),
        position: labelled.get(i) ?? 'top',
        distance: 6,
        color: look.colour,
        fontSize: 13,
        fontWeight: 'bold',
        fontFamily: CHART_FONT,
        ...LABEL_HALO,
        // ECharts hands each point's own value to the formatter.
        formatter: (params) => radarPointLabel(params.value),
      },
      data: [{ name: s.label, value: normaliseScores(s.scores) }],
    };
  });
  return option;
}

/**
 * One pathway's score at each assessment in turn, oldest first: the x axis is
 * the assessments, the y axis the need from 1 to 10.
 */
export function lineOption(
  points: readonly ScorePoint[],
  pathwayLabel: string,
  options: ChartOptions = {},
): EChartsOption {
  const titled = Boolean(options.title);
  const look = seriesLook(0);
  const option = common(options.title);
  option.grid = { left: 56, right: 32, top: titled ? 64 : 24, bottom: 56, containLabel: false };
  option.xAxis = {
    type: 'category',
    data: points.map((p) => p.label),
    boundaryGap: true,
    axisLine: { lineStyle: { color: AXIS } },
    axisTick: { alignWithLabel: true, lineStyle: { color: AXIS } },
    axisLabel: { color: TEXT, fontSize: 12, interval: 0, width: 110, overflow: 'break', lineHeight: 15 },
  };
  option.yAxis = {
    type: 'value',
    min: MIN_SCORE,
    max: MAX_SCORE,
    interval: 1,
    name: NEED_AXIS_NAME,
    nameLocation: 'middle',
    nameGap: 32,
    nameTextStyle: { color: TEXT_MUTED, fontSize: 12 },
    axisLabel: { color: TEXT_MUTED, fontSize: 12 },
    splitLine: { lineStyle: { color: RULE } },
  };
  option.tooltip = { trigger: 'axis', confine: true };
  option.series = [
    {
      type: 'line',
      name: pathwayLabel,
      data: points.map((p) => (Number.isFinite(p.score) ? p.score : null)),
      symbol: look.symbol,
      symbolSize: 9,
      connectNulls: false,
      lineStyle: { color: look.colour, type: look.dash, width: 2 },
      itemStyle: { color: look.colour, borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: true,
        position: 'top',
        distance: 6,
        color: look.colour,
        fontSize: 13,
        fontWeight: 'bold',
        ...LABEL_HALO,
      },
    },
  ];
  return option;
}

/**
 * The table that says what a radar shows: a row for each pathway with a cell
 * for each series, then a "Total" row adding up the scores each series has.
 */
export function tableRows(series: readonly ScoreSeries[]): TableRow[] {
  const scores = series.map((s) => normaliseScores(s.scores));
  const rows: TableRow[] = PATHWAYS.map((p, i) => ({
    label: p.label,
    cells: scores.map((each) => cellText(each[i])),
    total: false,
  }));
  rows.push({
    label: 'Total',
    cells: scores.map((each) => {
      const scored = each.filter((score): score is number => score !== null);
      return scored.length === 0 ? NOT_SCORED : cellText(scored.reduce((sum, score) => sum + score, 0));
    }),
    total: true,
  });
  return rows;
}

/** A score as written: whole scores as they are, averages (and their totals) to at most one decimal place. */
function cellText(score: number | null): string {
  if (score === null) return NOT_SCORED;
  return Number.isInteger(score) ? String(score) : String(Math.round(score * 10) / 10);
}

/**
 * Draws an SVG picture onto a white canvas at twice its size and gives it back
 * as a PNG. Uses a data: address, as the app's content policy allows data:
 * images but not blob: ones. Needs a browser.
 */
export function svgToPngBlob(svg: string, width: number, height: number): Promise<Blob> {
  const scale = 2;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('The chart could not be drawn as a picture.'));
        return;
      }
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error('The chart could not be saved as a PNG picture.'));
      }, 'image/png');
    };
    image.onerror = () => reject(new Error('The chart could not be drawn as a picture.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
}
