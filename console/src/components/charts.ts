import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { BarChart, FunnelChart, GraphChart, LineChart, PieChart } from 'echarts/charts'
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components'

/**
 * The ECharts pieces the console uses, registered once. SVG rendering keeps every label in the page's DOM, so
 * screen readers and the browser tests read what the chart shows.
 */
use([SVGRenderer, BarChart, LineChart, FunnelChart, GraphChart, PieChart, GridComponent, TooltipComponent,
  LegendComponent, TitleComponent, DatasetComponent])
