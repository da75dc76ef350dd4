package lineagehtml

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aiprov/aiprov/internal/testtools"
)

func samplePage() *Page {
	return &Page{
		Title: "acme/tiny-chat lineage",
		Nodes: []Node{
			{ID: "bafyreibase", Name: "acme/base-7b", Kind: "model", Contributors: []Contributor{{ID: "0x1111111111111111111111111111111111111111", Role: "weights", Share: "100%"}}},
			{ID: "bafybeidata", Name: "open/corpus", Kind: "dataset", Contributors: []Contributor{{ID: "ed25519:AAAA", Role: "data", Share: "100%"}}},
			{ID: "bafyreichat", Name: "acme/tiny-chat", Kind: "model", Contributors: []Contributor{
				{ID: "0x2222222222222222222222222222222222222222", Role: "weights", Share: "70%"},
				{ID: "0x3333333333333333333333333333333333333333", Role: "compute", Share: "30%"}}},
			{ID: "bafyreimissing", Missing: true},
		},
		Edges: []Edge{
			{Child: "bafyreichat", Parent: "bafyreibase", Relation: "finetune", Share: "10%"},
			{Child: "bafyreichat", Parent: "bafybeidata", Relation: "trained-on", Share: "2.5%"},
			{Child: "bafyreibase", Parent: "bafyreimissing", Relation: "distilled", Share: "1%"},
		},
		Payment: &Payment{
			Artifact: "bafyreichat", Amount: "1000000", Policy: "relative",
			Received: map[string]string{"bafyreichat": "1000000", "bafyreibase": "100000", "bafybeidata": "25000", "bafyreimissing": "1000"},
			Recipients: []Recipient{
				{Recipient: "0x2222222222222222222222222222222222222222", Amount: "612500"},
				{Recipient: "0x3333333333333333333333333333333333333333", Amount: "262500"},
				{Recipient: "0x1111111111111111111111111111111111111111", Amount: "99000"},
				{Recipient: "ed25519:AAAA", Amount: "25000"},
			},
		},
	}
}

func TestWriteRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *Page)
		want string
	}{
		{"empty id", func(p *Page) { p.Nodes[0].ID = "" }, "nodes[0]: empty id"},
		{"duplicate id", func(p *Page) { p.Nodes[1].ID = p.Nodes[0].ID }, `nodes[1]: duplicate id "bafyreibase"`},
		{"dangling edge", func(p *Page) { p.Edges[2].Parent = "nowhere" }, `edges[2]: "bafyreibase" -> "nowhere"`},
		{"payment to unknown", func(p *Page) { p.Payment.Artifact = "x" }, `payment.artifact "x"`},
		{"too large", func(p *Page) { p.Nodes = make([]Node, MaxNodes+1) }, "graph too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := samplePage()
			tt.edit(p)
			err := Write(&bytes.Buffer{}, p)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Write: %v, want an error containing %q", err, tt.want)
			}
		})
	}
	p := samplePage()
	p.Nodes = make([]Node, MaxNodes+1)
	if err := Write(&bytes.Buffer{}, p); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Write of a huge graph: %v, want ErrTooLarge", err)
	}
}

// TestWriteEscapes checks that names from manifests cannot close the data
// script element or inject markup into the static part of the page.
func TestWriteEscapes(t *testing.T) {
	p := samplePage()
	p.Title = `<script>alert(1)</script>`
	p.Nodes[0].Name = `</script><img src=x onerror=alert(1)>`
	var buf bytes.Buffer
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<img") || strings.Contains(out, "<script>alert") {
		t.Fatalf("page contains unescaped markup from the data:\n%s", out[:min(len(out), 2000)])
	}
	if got := strings.Count(out, "</script>"); got != 3 {
		t.Fatalf("page has %d </script> tags, want the 3 of its own", got)
	}
}

// TestEmbeddedDagreIsNPMs keeps the embedded dagre identical to the npm
// package pinned in .ci/node/package.json (update-dagre.sh refreshes it).
func TestEmbeddedDagreIsNPMs(t *testing.T) {
	dir := testtools.NodeDir(t)
	want, err := os.ReadFile(filepath.Join(dir, "node_modules/@dagrejs/dagre/dist/dagre.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(dagreJS), want) {
		t.Fatal("internal/lineagehtml/dagre.min.js differs from the npm package's: run internal/lineagehtml/update-dagre.sh")
	}
	pkg, err := os.ReadFile(filepath.Join(dir, "node_modules/@dagrejs/dagre/package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pkg, []byte(`"version": "`+DagreVersion+`"`)) {
		t.Fatalf("DagreVersion %s is not the npm package's version", DagreVersion)
	}
}

// TestPageRendersInChromium opens the page in headless Chromium: the
// script must lay the graph out without error, every label must be in the
// rendered DOM (they exist only once the script ran: the static page has
// only the JSON), and a screenshot must show a drawing, not a blank page.
func TestPageRendersInChromium(t *testing.T) {
	chromium := testtools.ChromiumTool.Require(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "lineage.html")
	var buf bytes.Buffer
	p := samplePage()
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	dom := runChromium(t, chromium, dir, "--dump-dom", "file://"+page)
	if !strings.Contains(dom, `data-rendered="ok"`) {
		m := regexp.MustCompile(`<p id="error"[^>]*>([^<]*)`).FindStringSubmatch(dom)
		t.Fatalf("page did not render: %v", m)
	}
	// Labels drawn by the script as SVG text, and the tables it builds.
	for _, want := range []string{
		`<text x="12" y="22" class="name">acme/tiny-chat</text>`,
		`<text x="12" y="22" class="name">acme/base-7b</text>`,
		`class="kind">dataset</text>`,
		`class="kind">manifest not at hand</text>`,
		`class="edge-label">finetune 10%</text>`,
		`class="edge-label">trained-on 2.5%</text>`,
		`class="received">receives 100000</text>`,
		`<td class="id">0x2222222222222222222222222222222222222222</td><td class="num">612500</td>`,
		"4 artifacts, 3 lineage links; payment of 1000000 to acme/tiny-chat (relative policy)",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
	// dagre placed every node: each group has a translate() with numbers.
	if n := len(regexp.MustCompile(`class="node[^"]*" data-id="[^"]+" tabindex="0" transform="translate\(\d+(\.\d)?,\d+(\.\d)?\)"`).FindAllString(dom, -1)); n != len(p.Nodes) {
		t.Errorf("%d nodes placed, want %d", n, len(p.Nodes))
	}

	shot := filepath.Join(dir, "shot.png")
	runChromium(t, chromium, dir, "--screenshot="+shot, "--window-size=1280,900", "file://"+page)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if colors, dark := pixelStats(img); colors < 8 || dark < 500 {
		t.Fatalf("screenshot looks blank: %d distinct colours, %d dark pixels", colors, dark)
	}
}

func runChromium(t *testing.T, chromium, dir string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile"), "--virtual-time-budget=5000"}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.String()
}

// pixelStats counts distinct colours (up to 64) and dark pixels, which
// text and edges make and a blank page does not.
func pixelStats(img image.Image) (colors, dark int) {
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if len(seen) < 64 {
				seen[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
			}
			if r>>8 < 128 && g>>8 < 128 && bl>>8 < 128 {
				dark++
			}
		}
	}
	return len(seen), dark
}
