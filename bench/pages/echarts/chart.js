// The reference page: the dashboard's default chart (medals of 焦作 and 河东, 2021–2023: for each
// place, year and competition, a gold, a silver and a bronze bar) drawn with Apache ECharts'
// canvas renderer from the same data files, the way a page built on ECharts would do it.
// The bench passes the size of the dashboard's chart as ?w=…&h=….
/* global echarts */
const params = new URLSearchParams(location.search);
const W = Number(params.get('w')) || 1298;
const H = Number(params.get('h')) || 476;
const FONT = 'Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';
const SIZE = Math.min(20, Math.max(11, W / 70)); // the dashboard's type size for this width
const PLACES = ['jiaozuo', 'chongqing', 'hedong', 'xx-county']; // the dashboard's chips
const YEARS = [2021, 2023];
const MEDALS = [
  { indicator: 'medals_gold', letter: '金', colour: '#D6A500' },
  { indicator: 'medals_silver', letter: '银', colour: '#C8CED4' },
  { indicator: 'medals_bronze', letter: '铜', colour: '#8C5023' },
];
const MUTED = '#5E666E';
const NO_DATA = '无数据';

const box = document.getElementById('chart');
box.style.width = `${W}px`;
box.style.height = `${H}px`;
const chart = echarts.init(box, null, { renderer: 'canvas' });
let chosen = ['jiaozuo', 'hedong'];

// Groups in the dashboard's order: places as chosen, then year, then competition as reported.
// A place with nothing reported gets one group of "no data" stubs. Values are never summed.
function groups(names, observations) {
  const out = [];
  for (const place of chosen) {
    const mine = observations.filter((o) => o.entity === place && o.year >= YEARS[0] && o.year <= YEARS[1]
      && MEDALS.some((m) => m.indicator === o.indicator));
    const keys = [];
    for (const o of mine) {
      const key = `${o.year}|${o.context?.zh ?? ''}`;
      if (!keys.includes(key)) keys.push(key);
    }
    keys.sort((a, b) => Number(a.split('|')[0]) - Number(b.split('|')[0]));
    if (!keys.length) out.push({ label: names[place], values: [null, null, null] });
    for (const key of keys) {
      const [year, competition] = key.split('|');
      const values = MEDALS.map((m) => {
        const hit = mine.find((o) => `${o.year}|${o.context?.zh ?? ''}` === key && o.indicator === m.indicator);
        return hit ? hit.value : null;
      });
      out.push({ label: `${names[place]}\n${year} · ${competition}`, values });
    }
  }
  return out;
}

function option(names, observations) {
  const rows = groups(names, observations);
  const top = Math.max(1, ...rows.flatMap((g) => g.values.filter((v) => v != null)));
  const stub = top * 0.035;
  const groupWidth = (W - 80) / Math.max(1, rows.length);
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    title: {
      text: '奖牌（金/银/铜）（枚）', subtext: 'Medals (gold/silver/bronze)', left: 12, top: 12, itemGap: 8,
      textStyle: { fontSize: SIZE * 1.09, fontWeight: 'normal', color: '#212529' },
      subtextStyle: { fontSize: SIZE * 0.73, color: MUTED },
    },
    legend: { left: 12, top: 12 + SIZE * 3.3, icon: 'rect', itemWidth: 13, itemHeight: 13, textStyle: { fontSize: SIZE * 0.77 } },
    tooltip: { trigger: 'item' },
    grid: { left: 68, right: 12, top: 12 + SIZE * 5.2, bottom: SIZE * 3.6 },
    xAxis: {
      type: 'category',
      data: rows.map((g) => g.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      axisLabel: { interval: 0, margin: 8, lineHeight: SIZE * 1.15, width: groupWidth - 8, overflow: 'truncate', fontSize: SIZE * 0.73, color: '#212529' },
    },
    yAxis: {
      type: 'value',
      axisLine: { show: true, lineStyle: { color: MUTED } },
      axisLabel: { color: MUTED, fontSize: SIZE * 0.73 },
      splitLine: { lineStyle: { color: '#DEE2E6' } },
    },
    series: MEDALS.map((m, k) => ({
      name: m.letter,
      type: 'bar',
      barGap: '10%',
      itemStyle: { color: m.colour, borderColor: MUTED, borderWidth: 0.5 },
      data: rows.map((g) => {
        const value = g.values[k];
        if (value != null) return { value, label: { show: true, position: 'top', formatter: `${m.letter}${value}` } };
        const alone = g.values.every((v) => v == null);
        return {
          value: stub,
          noData: true,
          itemStyle: { color: '#fff', borderColor: '#ADB5BD', borderWidth: 1 },
          label: { show: !alone || k === 1, position: 'top', formatter: NO_DATA, color: MUTED },
          tooltip: { formatter: `${g.label.replace('\n', ' ')}: ${NO_DATA}` },
        };
      }),
      label: { fontSize: SIZE * 0.85, color: '#212529' },
    })),
  };
}

Promise.all([
  fetch('data/entities.json').then((r) => r.json()),
  fetch('data/observations/medals.json').then((r) => r.json()),
]).then(([entities, medals]) => {
  const names = Object.fromEntries(entities.entities.map((e) => [e.id, e.name.zh]));
  const draw = () => chart.setOption(option(names, medals.observations));
  const chips = document.querySelector('.chips');
  for (const place of PLACES) {
    const button = document.createElement('button');
    button.className = 'chip';
    button.dataset.entity = place;
    button.textContent = names[place] ?? place;
    button.setAttribute('aria-pressed', String(chosen.includes(place)));
    button.addEventListener('click', () => {
      chosen = chosen.includes(place) ? chosen.filter((p) => p !== place) : [...chosen, place];
      button.setAttribute('aria-pressed', String(chosen.includes(place)));
      draw();
    });
    chips.append(button);
  }
  draw();
});
