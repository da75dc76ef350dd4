package provenance

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/ipfs/go-cid"
)

// What two artifacts' weights suggest about how one came from the other
// (TensorEvidence.Suggests). They are patterns, not proofs: see
// CompareTensors.
const (
	WeightsCopy      = "copy"      // every tensor identical
	WeightsFinetune  = "finetune"  // same names and shapes, some values changed
	WeightsQuantized = "quantized" // same names and shapes, dtypes changed
	WeightsAdapter   = "adapter"   // LoRA tensors aimed at the parent's modules, or the parent plus new tensors
	WeightsPruned    = "pruned"    // a subset of the parent's tensors
	WeightsUnrelated = "unrelated" // nothing shared by name and shape or by bytes
)

// Verdicts of TensorEvidence.Verdict: does the claimed relation agree with
// the weights?
const (
	VerdictConsistent   = "consistent"
	VerdictInconsistent = "inconsistent"
	VerdictUnverifiable = "unverifiable" // the weights cannot speak to this relation
)

// TensorRename is a tensor whose bytes a child holds under another name.
type TensorRename struct {
	Child  string `json:"child"`
	Parent string `json:"parent"`
}

// TensorRetype is a tensor whose name and number of elements stayed while
// its dtype changed.
type TensorRetype struct {
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// TensorEvidence compares a child's tensors with a parent's. Tensors are
// matched by name; lists are sorted by name.
type TensorEvidence struct {
	ChildTensors  int    `json:"child_tensors"`
	ParentTensors int    `json:"parent_tensors"`
	ChildBytes    uint64 `json:"child_bytes"`
	// Identical: same name, dtype, shape and bytes.
	Identical []string `json:"identical"`
	// Renamed: the same bytes under another name.
	Renamed []TensorRename `json:"renamed"`
	// Changed: same name, dtype and shape, other bytes — "finetuned"; one
	// changed bit is enough.
	Changed []string `json:"changed"`
	// Retyped: same name and number of elements, another dtype — "quantized".
	Retyped []TensorRetype `json:"retyped"`
	// Reshaped: same name, another number of elements.
	Reshaped []string `json:"reshaped"`
	// Added: in the child only (of which AdapterTensors are LoRA tensors
	// whose base module the parent has, with matching dimensions).
	Added          []string `json:"added"`
	AdapterTensors []string `json:"adapter_tensors"`
	// Removed: in the parent only.
	Removed []string `json:"removed"`
	// SharedBytes is the size of the child's tensors whose bytes the
	// parent also has (Identical and Renamed).
	SharedBytes uint64 `json:"shared_bytes"`

	// Suggests is the pattern the weights show (WeightsCopy, …).
	Suggests string `json:"suggests"`
	// Claim is the relation the child's manifest states for this parent
	// ("" when not known); Verdict says whether the weights agree with it,
	// and Reasons why.
	Claim   Relation `json:"claim,omitempty"`
	Verdict string   `json:"verdict,omitempty"`
	Reasons []string `json:"reasons,omitempty"`
}

// tensorKey names a tensor in an index: its name, qualified by its file's
// path when another file of the index has a tensor of the same name.
func indexTensors(x *TensorIndex) (map[string]Tensor, []string) {
	count := map[string]int{}
	for _, f := range x.Files {
		for _, t := range f.Tensors {
			count[t.Name]++
		}
	}
	m := map[string]Tensor{}
	var keys []string
	for _, f := range x.Files {
		for _, t := range f.Tensors {
			k := t.Name
			if count[k] > 1 {
				k = f.Path + ":" + k
			}
			m[k] = t
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return m, keys
}

// CompareTensors compares a child artifact's tensors with a parent's and
// says which relation the pattern suggests; with a claim (the relation
// the child's manifest declares for that parent, or ""), it says whether
// the two agree.
//
// What this can prove is limited, and worth knowing before acting on it:
// identical digests prove shared bytes (BLAKE3 is collision resistant), so
// "these tensors came from that file" is strong evidence. Everything else
// is a pattern. A tensor changed by one ulp counts as Changed
// ("finetuned") exactly like a retrained one; a cheater who wants to hide
// a base can perturb every tensor slightly, rename tensors, transpose or
// re-quantize them, and nothing here will find the base — that needs
// similarity of values, not digests. Conversely, tensors that are equal
// for reasons other than copying (deterministic buffers, untrained
// norms) would show as Identical; FindSuspects ignores small tensors for
// that reason. GGUF conversions of safetensors models rename and reorder
// tensors, so cross-format comparisons find little by name.
func CompareTensors(child, parent *TensorIndex, claim Relation) *TensorEvidence {
	cm, ckeys := indexTensors(child)
	pm, pkeys := indexTensors(parent)
	ev := &TensorEvidence{ChildTensors: len(ckeys), ParentTensors: len(pkeys), Claim: claim}
	byDigest := map[TensorDigest]string{}
	for _, k := range pkeys {
		if _, dup := byDigest[pm[k].Digest]; !dup {
			byDigest[pm[k].Digest] = k
		}
	}
	matched := map[string]bool{}
	for _, k := range ckeys {
		c := cm[k]
		ev.ChildBytes += c.Size
		p, ok := pm[k]
		if !ok {
			if pk, same := byDigest[c.Digest]; same && c.Size > 0 {
				ev.Renamed = append(ev.Renamed, TensorRename{Child: k, Parent: pk})
				ev.SharedBytes += c.Size
				matched[pk] = true
				continue
			}
			ev.Added = append(ev.Added, k)
			if isAdapterFor(c, pm) {
				ev.AdapterTensors = append(ev.AdapterTensors, k)
			}
			continue
		}
		matched[k] = true
		cn, _ := elements(c.Shape)
		pn, _ := elements(p.Shape)
		switch {
		case c.DType == p.DType && slices.Equal(c.Shape, p.Shape) && c.Digest == p.Digest:
			ev.Identical = append(ev.Identical, k)
			ev.SharedBytes += c.Size
		case c.DType == p.DType && slices.Equal(c.Shape, p.Shape):
			ev.Changed = append(ev.Changed, k)
		case c.DType != p.DType && cn == pn:
			ev.Retyped = append(ev.Retyped, TensorRetype{Name: k, From: p.DType, To: c.DType})
		default:
			ev.Reshaped = append(ev.Reshaped, k)
		}
	}
	for _, k := range pkeys {
		if !matched[k] {
			ev.Removed = append(ev.Removed, k)
		}
	}
	// Lists are empty rather than nil, so that JSON shows [].
	for _, l := range []*[]string{&ev.Identical, &ev.Changed, &ev.Reshaped, &ev.Added, &ev.AdapterTensors, &ev.Removed} {
		if *l == nil {
			*l = []string{}
		}
	}
	if ev.Renamed == nil {
		ev.Renamed = []TensorRename{}
	}
	if ev.Retyped == nil {
		ev.Retyped = []TensorRetype{}
	}
	ev.Suggests = ev.suggest()
	if claim != "" {
		ev.Verdict, ev.Reasons = ev.judge(claim)
	}
	return ev
}

// isAdapterFor reports whether t is a LoRA tensor (PEFT's naming:
// "base_model.model.<module>.lora_A.weight", lora_B likewise) whose base
// module the parent has, with the dimension it must share: lora_A's
// input size (shape[1]) and lora_B's output size (shape[0]).
func isAdapterFor(t Tensor, parent map[string]Tensor) bool {
	name := strings.TrimPrefix(t.Name, "base_model.model.")
	for _, part := range []string{"lora_A", "lora_B"} {
		i := strings.Index(name, "."+part+".")
		if i < 0 {
			continue
		}
		base, ok := parent[name[:i]+".weight"]
		if !ok || len(base.Shape) != 2 || len(t.Shape) != 2 {
			return false
		}
		if part == "lora_A" {
			return t.Shape[1] == base.Shape[1]
		}
		return t.Shape[0] == base.Shape[0]
	}
	return false
}

func (ev *TensorEvidence) suggest() string {
	sameNames := len(ev.Identical) + len(ev.Changed) + len(ev.Retyped) + len(ev.Reshaped)
	switch {
	case len(ev.AdapterTensors) > 0 && len(ev.AdapterTensors)*2 >= len(ev.Added):
		return WeightsAdapter
	case sameNames == 0 && len(ev.Renamed) == 0:
		return WeightsUnrelated
	case len(ev.Identical)+len(ev.Renamed) == ev.ChildTensors && len(ev.Removed) == 0:
		return WeightsCopy
	case len(ev.Retyped)*2 >= sameNames:
		return WeightsQuantized
	case len(ev.Changed) == 0 && len(ev.Added) == 0 && len(ev.Removed) > 0:
		return WeightsPruned
	case len(ev.Changed) == 0 && len(ev.Added) > 0 && len(ev.Identical) == ev.ParentTensors:
		return WeightsAdapter // the parent whole, plus new tensors
	}
	return WeightsFinetune
}

// judge says whether the weights agree with the claimed relation.
func (ev *TensorEvidence) judge(claim Relation) (string, []string) {
	s := ev.Suggests
	look := map[string]string{WeightsCopy: "like a copy", WeightsFinetune: "finetuned", WeightsQuantized: "quantized",
		WeightsAdapter: "like an adapter", WeightsPruned: "pruned", WeightsUnrelated: "unrelated"}[s]
	summary := fmt.Sprintf("the weights look %s: of %d child tensors, %d share bytes with the parent, %d changed, %d retyped, %d reshaped, %d added; %d removed",
		look, ev.ChildTensors, len(ev.Identical)+len(ev.Renamed), len(ev.Changed), len(ev.Retyped), len(ev.Reshaped), len(ev.Added), len(ev.Removed))
	switch claim {
	case RelationFinetune, RelationMerge:
		switch s {
		case WeightsFinetune:
			return VerdictConsistent, []string{summary}
		case WeightsCopy:
			return VerdictInconsistent, []string{summary, "every tensor is identical to the parent's: the weights are a copy, not a " + string(claim)}
		case WeightsUnrelated:
			return VerdictInconsistent, []string{summary, "no tensor shares a name and shape, or bytes, with the parent: the weights do not look derived from it"}
		case WeightsQuantized:
			return VerdictInconsistent, []string{summary, "most shared tensors changed dtype: the pattern of a quantization"}
		}
		return VerdictConsistent, []string{summary}
	case RelationQuantized:
		switch {
		case len(ev.Retyped) > 0:
			return VerdictConsistent, []string{summary}
		case s == WeightsUnrelated:
			return VerdictInconsistent, []string{summary, "no tensor shares a name and shape with the parent (a conversion to another format renames tensors: compare like with like)"}
		}
		return VerdictInconsistent, []string{summary, "no tensor changed dtype"}
	case RelationAdapter:
		switch s {
		case WeightsAdapter:
			return VerdictConsistent, []string{summary}
		case WeightsFinetune:
			return VerdictConsistent, []string{summary, "values changed in place: the pattern of an adapter merged into the weights"}
		case WeightsCopy:
			return VerdictInconsistent, []string{summary, "every tensor is identical to the parent's"}
		}
		return VerdictInconsistent, []string{summary, "no LoRA tensor aimed at the parent's modules, and no merged changes"}
	case RelationDistilled:
		if len(ev.Identical)+len(ev.Renamed) > 0 {
			return VerdictUnverifiable, []string{summary, "a distilled model is trained anew; shared tensors suggest more than distillation"}
		}
		return VerdictUnverifiable, []string{summary, "distillation leaves no shared tensors to check"}
	}
	return VerdictUnverifiable, []string{summary, fmt.Sprintf("the weights cannot speak to a %q relation", claim)}
}

// TensorCandidate is an artifact whose tensors FindSuspects compares a
// model's with.
type TensorCandidate struct {
	CID     cid.Cid // its manifest's CID
	Name    string
	Created string
	Tensors *TensorIndex
}

// Suspect is a candidate that shares tensors with a model that does not
// declare it.
type Suspect struct {
	CID         cid.Cid  `json:"cid"`
	Name        string   `json:"name"`
	Created     string   `json:"created,omitempty"`
	Shared      int      `json:"shared_tensors"` // the model's tensors whose bytes the candidate has
	SharedBytes uint64   `json:"shared_bytes"`
	ModelBytes  uint64   `json:"model_bytes"`
	Examples    []string `json:"examples"` // up to 5 shared tensor names, sorted
}

// SuspectOptions tune FindSuspects.
type SuspectOptions struct {
	// MinTensorBytes: smaller tensors do not count as shared (default 4096),
	// because unrelated models can hold equal small tensors — untrained
	// norms, deterministic buffers.
	MinTensorBytes uint64
}

// FindSuspects returns the candidates that share tensor bytes with model
// but are not in declared (the model's parents and their ancestors, and
// the model itself), most shared bytes first. Sharing bytes proves common
// content, not its direction: a candidate made later may have copied the
// model (compare Created).
func FindSuspects(model *TensorIndex, declared map[cid.Cid]bool, candidates []TensorCandidate, opts *SuspectOptions) []Suspect {
	minBytes := uint64(4096)
	if opts != nil && opts.MinTensorBytes > 0 {
		minBytes = opts.MinTensorBytes
	}
	mine := map[TensorDigest]Tensor{}
	var modelBytes uint64
	for _, f := range model.Files {
		for _, t := range f.Tensors {
			modelBytes += t.Size
			if t.Size >= minBytes {
				mine[t.Digest] = t
			}
		}
	}
	var out []Suspect
	for _, c := range candidates {
		if declared[c.CID] || c.Tensors == nil {
			continue
		}
		s := Suspect{CID: c.CID, Name: c.Name, Created: c.Created, ModelBytes: modelBytes}
		seen := map[TensorDigest]bool{}
		var names []string
		for _, f := range c.Tensors.Files {
			for _, t := range f.Tensors {
				m, ok := mine[t.Digest]
				if !ok || seen[t.Digest] {
					continue
				}
				seen[t.Digest] = true
				s.Shared++
				s.SharedBytes += m.Size
				names = append(names, m.Name)
			}
		}
		if s.Shared == 0 {
			continue
		}
		sort.Strings(names)
		s.Examples = names[:min(5, len(names))]
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].SharedBytes != out[j].SharedBytes {
			return out[i].SharedBytes > out[j].SharedBytes
		}
		return out[i].CID.KeyString() < out[j].CID.KeyString()
	})
	return out
}

// LineageSuspects runs FindSuspects for the model whose manifest is model
// (CID id) over the manifests given, by CID: the candidates are those with
// a tensor index, and the declared ones are the model's lineage — its
// ancestors, and its descendants, whose shared tensors it explains — as
// the manifests' parent links tell it, a parent named by its content CID
// (Subject.CID) standing for that artifact's manifest. index returns a
// manifest's tensor index (Subject.TensorIndex with a page fetcher); a
// manifest whose index cannot be read is an error.
func LineageSuspects(id cid.Cid, model *Manifest, manifests map[cid.Cid]*Manifest,
	index func(*Manifest) (*TensorIndex, error), opts *SuspectOptions) ([]Suspect, error) {
	mine, err := index(model)
	if err != nil {
		return nil, err
	}
	if mine == nil {
		return nil, errors.New("the model's manifest has no tensor index (aiprov manifest init --tensors)")
	}
	all := map[cid.Cid]*Manifest{id: model}
	bySubject := map[cid.Cid]cid.Cid{model.Subject.CID: id}
	for c, m := range manifests {
		all[c] = m
		if _, dup := bySubject[m.Subject.CID]; !dup {
			bySubject[m.Subject.CID] = c
		}
	}
	g := NewGraph(nil)
	for _, c := range slices.SortedFunc(maps.Keys(all), func(a, b cid.Cid) int { return strings.Compare(a.KeyString(), b.KeyString()) }) {
		m := *all[c]
		m.Parents = slices.Clone(m.Parents)
		for i, p := range m.Parents {
			if _, isManifest := all[p.CID]; !isManifest {
				if mc, ok := bySubject[p.CID]; ok {
					m.Parents[i].CID = mc
				}
			}
		}
		if err := g.Add(c, &m); err != nil {
			return nil, err
		}
	}
	declared := map[cid.Cid]bool{id: true}
	for _, walk := range []func(cid.Cid) ([]cid.Cid, error){g.Ancestors, g.Descendants} {
		ids, err := walk(id)
		if err != nil {
			return nil, err
		}
		for _, c := range ids {
			declared[c] = true
		}
	}
	var cands []TensorCandidate
	for c, m := range manifests {
		if declared[c] || len(m.Subject.Tensors) == 0 {
			continue
		}
		x, err := index(m)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", c, err)
		}
		cands = append(cands, TensorCandidate{CID: c, Name: m.Subject.Name, Created: m.Created.UTC().Format(time.RFC3339), Tensors: x})
	}
	return FindSuspects(mine, declared, cands, opts), nil
}
