package provenance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// tensorFormatIndex is a sharded checkpoint's index file
// (model.safetensors.index.json): {"metadata": {…}, "weight_map": {tensor
// name: shard file name}}, shard names relative to the index's directory.
const tensorFormatIndex = "safetensors index"

// shardIndex is one index file read during an import.
type shardIndex struct {
	path      string // of the index file, relative to the root
	weightMap map[string]string
}

// tensorFormat says what to read from a file of the tree besides its CID.
func (w *walker) tensorFormat(n *fsNode) string {
	if !w.im.wantTensors {
		return ""
	}
	name := n.name
	if n.rel == "." {
		name = filepath.Base(n.osPath) // a single file hashed as the root
	}
	if strings.HasSuffix(name, ".safetensors.index.json") {
		return tensorFormatIndex
	}
	return tensorFormatOf(name)
}

// sniffTensorStream reads the first bytes of r to tell its format, and
// returns a reader that yields them again.
func sniffTensorStream(r io.Reader) (io.Reader, string, error) {
	head := make([]byte, 9)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, "", &readError{offset: uint64(n), err: err}
	}
	head = head[:n]
	return io.MultiReader(bytes.NewReader(head), r), sniffTensorFormat(head), nil
}

// parseWeightMap reads an index file's weight_map.
func parseWeightMap(b []byte) (map[string]string, error) {
	bad := func(field string, err error) error {
		return &TensorHeaderError{Format: tensorFormatIndex, Field: field, Offset: -1, Err: err}
	}
	var doc struct {
		WeightMap map[string]any `json:"weight_map"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, bad("", fmt.Errorf("invalid JSON: %w", err))
	}
	if doc.WeightMap == nil {
		return nil, bad("weight_map", fmt.Errorf("missing"))
	}
	wm := make(map[string]string, len(doc.WeightMap))
	for name, v := range doc.WeightMap {
		field := "weight_map[" + strconv.Quote(truncate(name, 80)) + "]"
		file, ok := v.(string)
		if !ok {
			return nil, bad(field, fmt.Errorf("want a file name"))
		}
		// Shard names come from the file: keep them inside its directory.
		if file == "" || path.IsAbs(file) || path.Clean(file) != file || file == ".." || strings.HasPrefix(file, "../") || strings.Contains(file, "\\") {
			return nil, bad(field, fmt.Errorf("shard %q is not a plain relative path", truncate(file, 80)))
		}
		wm[name] = file
	}
	return wm, nil
}

// tensorIndex gathers the layouts of files (sorted by path) and checks
// every sharded checkpoint's index against its shards: each tensor it
// names is in the shard it names, and each tensor of those shards is named.
func (w *walker) tensorIndex(files []FileResult) (*TensorIndex, error) {
	x := &TensorIndex{}
	byPath := map[string]*TensorLayout{}
	for _, f := range files {
		if f.Tensors != nil {
			x.Files = append(x.Files, TensorFile{Path: f.Path, TensorLayout: *f.Tensors})
			byPath[f.Path] = f.Tensors
		}
	}
	sort.Slice(w.weightMaps, func(i, j int) bool { return w.weightMaps[i].path < w.weightMaps[j].path })
	for _, si := range w.weightMaps {
		if err := checkWeightMap(si, byPath); err != nil {
			return nil, fmt.Errorf("%s: %w", si.path, err)
		}
	}
	if len(x.Files) == 0 {
		return nil, nil
	}
	return x, nil
}

func checkWeightMap(si shardIndex, byPath map[string]*TensorLayout) error {
	dir := path.Dir(si.path)
	shards := map[string]map[string]bool{} // shard path -> tensor names it holds
	for _, name := range sortedKeys(si.weightMap) {
		shard := path.Join(dir, si.weightMap[name])
		field := "weight_map[" + strconv.Quote(truncate(name, 80)) + "]"
		held, ok := shards[shard]
		if !ok {
			l := byPath[shard]
			if l == nil || l.Format != TensorFormatSafetensors {
				return &TensorHeaderError{Format: tensorFormatIndex, Field: field, Offset: -1, Err: fmt.Errorf("shard %q is not a safetensors file of the checkpoint", si.weightMap[name])}
			}
			held = make(map[string]bool, len(l.Tensors))
			for _, t := range l.Tensors {
				held[t.Name] = false
			}
			shards[shard] = held
		}
		if _, ok := held[name]; !ok {
			return &TensorHeaderError{Format: tensorFormatIndex, Field: field, Offset: -1, Err: fmt.Errorf("shard %q holds no tensor of that name", si.weightMap[name])}
		}
		held[name] = true
	}
	for _, shard := range sortedKeys(shards) {
		for _, name := range sortedKeys(shards[shard]) {
			if !shards[shard][name] {
				return &TensorHeaderError{Format: tensorFormatIndex, Field: "weight_map", Offset: -1, Err: fmt.Errorf("tensor %q of shard %q is not listed", truncate(name, 80), path.Base(shard))}
			}
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
