package bench

import (
	"fmt"
	"image/color"
	"os"
	"sort"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

var (
	blue   = color.RGBA{R: 31, G: 119, B: 180, A: 255}
	orange = color.RGBA{R: 255, G: 127, B: 14, A: 255}
)

// writeChart draws two panels: throughput against concurrency (the minimal
// job and Tailor at model latency 0), and where a Tailor job's time goes.
func writeChart(path string, res *Results) error {
	left, err := throughputPlot(res)
	if err != nil {
		return err
	}
	right, err := stagesPlot(res)
	if err != nil {
		return err
	}
	mem, err := memoryPlot(res)
	if err != nil {
		return err
	}
	img := vgimg.New(vg.Points(1500), vg.Points(420))
	dc := draw.New(img)
	tiles := draw.Tiles{Rows: 1, Cols: 3, PadX: vg.Points(30), PadTop: vg.Points(10), PadBottom: vg.Points(10), PadLeft: vg.Points(10), PadRight: vg.Points(10)}
	canvases := plot.Align([][]*plot.Plot{{left, right, mem}}, tiles, dc)
	left.Draw(canvases[0][0])
	right.Draw(canvases[0][1])
	mem.Draw(canvases[0][2])
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// series collects (concurrency, jobs/s) of the latency-0 runs of a role.
func series(res *Results, role string) plotter.XYs {
	var xys plotter.XYs
	for _, r := range res.Runs {
		if r.Role == role && r.ModelLatencyMs == 0 && r.JobsPerSec > 0 && r.Name != runSoak &&
			(r.Role != roleTailor || r.Channels == res.Config.Channels) {
			xys = append(xys, plotter.XY{X: float64(r.Concurrency), Y: r.JobsPerSec})
		}
	}
	sort.Slice(xys, func(i, j int) bool { return xys[i].X < xys[j].X })
	return xys
}

func throughputPlot(res *Results) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Throughput against concurrency (model latency 0)"
	p.X.Label.Text = "worker concurrency"
	p.Y.Label.Text = "jobs per second"
	p.X.Scale = plot.LogScale{}
	p.X.Tick.Marker = plot.LogTicks{Prec: -1}
	p.Y.Min = 0
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(plotter.NewGrid())
	for _, s := range []struct {
		role, label string
		c           color.Color
	}{{roleMinimal, "minimal job (the bound)", orange}, {roleTailor, "Tailor", blue}} {
		xys := series(res, s.role)
		if len(xys) == 0 {
			continue
		}
		line, points, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		line.Color, points.Color = s.c, s.c
		line.Width = vg.Points(2)
		points.Shape = draw.CircleGlyph{}
		p.Add(line, points)
		p.Legend.Add(s.label, line, points)
	}
	// Ticks at the concurrencies measured.
	var ticks plot.ConstantTicks
	seen := map[float64]bool{}
	for _, role := range []string{roleMinimal, roleTailor} {
		for _, xy := range series(res, role) {
			if !seen[xy.X] {
				seen[xy.X] = true
				ticks = append(ticks, plot.Tick{Value: xy.X, Label: fmt.Sprint(xy.X)})
			}
		}
	}
	if len(ticks) < 2 {
		p.X.Scale = plot.LinearScale{}
		p.X.Tick.Marker = plot.DefaultTicks{}
	} else {
		p.X.Tick.Marker = ticks
	}
	p.Y.Tick.Marker = intTicks{}
	return p, nil
}

func stagesPlot(res *Results) (*plot.Plot, error) {
	p := plot.New()
	r := res.run(runTailor0)
	if r == nil || len(r.Stages) == 0 {
		p.Title.Text = "Stage breakdown: no Tailor run"
		return p, nil
	}
	p.Title.Text = fmt.Sprintf("Where a job's time goes (model latency 0, concurrency %d)", r.Concurrency)
	p.X.Label.Text = "milliseconds per job (wall time)"
	values := make(plotter.Values, len(r.Stages))
	names := make([]string, len(r.Stages))
	// Bars are drawn bottom-up: reverse so the first stage is on top.
	for i, s := range r.Stages {
		j := len(r.Stages) - 1 - i
		values[j] = s.MsPerJob
		names[j] = shorten(s.Name)
	}
	bars, err := plotter.NewBarChart(values, vg.Points(18))
	if err != nil {
		return nil, err
	}
	bars.Horizontal = true
	bars.Color = blue
	bars.LineStyle.Width = 0
	p.Add(plotter.NewGrid(), bars)
	p.NominalY(names...)
	p.X.Min = 0
	p.X.Tick.Marker = intTicks{}
	return p, nil
}

func shorten(s string) string {
	if i := strings.Index(s, " ("); i > 0 && len(s) > 24 {
		return s[:i]
	}
	return s
}

// intTicks are the default ticks without decimals.
type intTicks struct{}

func (intTicks) Ticks(min, max float64) []plot.Tick {
	ts := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ts {
		if ts[i].Label != "" {
			ts[i].Label = strconv.FormatFloat(ts[i].Value, 'f', -1, 64)
		}
	}
	return ts
}

// memoryPlot draws the worker's RSS through the run of the memory section.
func memoryPlot(res *Results) (*plot.Plot, error) {
	p := plot.New()
	p.X.Label.Text = "seconds since the worker started"
	p.Y.Label.Text = "worker RSS (MB)"
	p.Y.Min = 0
	if res.Memory == nil {
		p.Title.Text = "Worker memory: no run"
		return p, nil
	}
	r := res.run(res.Memory.Run)
	if r == nil || len(r.RSS) == 0 {
		p.Title.Text = "Worker memory: no samples"
		return p, nil
	}
	p.Title.Text = fmt.Sprintf("Worker memory through %q", r.Name)
	xys := make(plotter.XYs, len(r.RSS))
	for i, s := range r.RSS {
		xys[i] = plotter.XY{X: s.Seconds, Y: mb(s.Bytes)}
	}
	line, err := plotter.NewLine(xys)
	if err != nil {
		return nil, err
	}
	line.Color = blue
	line.Width = vg.Points(1.5)
	p.Add(plotter.NewGrid(), line)
	p.X.Tick.Marker = intTicks{}
	p.Y.Tick.Marker = intTicks{}
	return p, nil
}
