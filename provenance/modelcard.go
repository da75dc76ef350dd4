package provenance

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxModelCardFrontMatter bounds the YAML front matter ParseModelCard
// reads; the rest of the card is never read.
const MaxModelCardFrontMatter = 1 << 20

// ErrNoFrontMatter is returned by ParseModelCard for a card that does not
// start with a "---" line.
var ErrNoFrontMatter = errors.New("model card has no YAML front matter (a first line \"---\")")

// ModelCard is the lineage a Hugging Face model card (README.md) declares
// in its YAML front matter.
type ModelCard struct {
	BaseModels        []string // base_model: Hub ids such as "meta-llama/Llama-2-7b-hf"
	BaseModelRelation Relation // base_model_relation: finetune, adapter, merge or quantized; "" if not stated
	Datasets          []string // datasets: Hub dataset ids
	License           string   // license, as written: "apache-2.0", "llama2", "other", …
	LicenseName       string   // license_name, which names an "other" license
}

// ParseModelCard reads the YAML front matter of a Hugging Face model card.
// Other metadata is ignored; base_model and datasets may each be a string
// or a list. Errors name the field and the card's line.
func ParseModelCard(r io.Reader) (*ModelCard, error) {
	front, err := frontMatter(r)
	if err != nil {
		return nil, err
	}
	var raw struct {
		BaseModel         yaml.Node `yaml:"base_model"`
		BaseModelRelation yaml.Node `yaml:"base_model_relation"`
		Datasets          yaml.Node `yaml:"datasets"`
		License           yaml.Node `yaml:"license"`
		LicenseName       yaml.Node `yaml:"license_name"`
	}
	if err := yaml.Unmarshal(front, &raw); err != nil {
		return nil, fmt.Errorf("model card front matter: %w", err)
	}
	card := &ModelCard{}
	if card.BaseModels, err = yamlStrings(&raw.BaseModel, "base_model"); err != nil {
		return nil, err
	}
	if card.Datasets, err = yamlStrings(&raw.Datasets, "datasets"); err != nil {
		return nil, err
	}
	rel, err := yamlString(&raw.BaseModelRelation, "base_model_relation")
	if err != nil {
		return nil, err
	}
	switch r := Relation(rel); r {
	case "", RelationFinetune, RelationAdapter, RelationMerge, RelationQuantized:
		card.BaseModelRelation = r
	default:
		return nil, fmt.Errorf("model card: base_model_relation (line %d): %q; want finetune, adapter, merge or quantized", raw.BaseModelRelation.Line+1, rel)
	}
	if card.License, err = yamlString(&raw.License, "license"); err != nil {
		return nil, err
	}
	if card.LicenseName, err = yamlString(&raw.LicenseName, "license_name"); err != nil {
		return nil, err
	}
	return card, nil
}

// frontMatter returns the lines between a first "---" line and the next.
func frontMatter(r io.Reader) ([]byte, error) {
	br := bufio.NewReader(io.LimitReader(r, MaxModelCardFrontMatter+8))
	var buf bytes.Buffer
	first := true
	for {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, err
		}
		trimmed := strings.TrimRight(line, " \t\r\n")
		if first {
			trimmed = strings.TrimPrefix(trimmed, "\ufeff")
			if trimmed != "---" {
				return nil, ErrNoFrontMatter
			}
			first = false
		} else if trimmed == "---" || trimmed == "..." {
			return buf.Bytes(), nil
		} else {
			buf.WriteString(line)
		}
		if buf.Len() > MaxModelCardFrontMatter {
			return nil, fmt.Errorf("model card front matter is larger than %d bytes", MaxModelCardFrontMatter)
		}
		if err == io.EOF {
			return nil, errors.New("model card front matter is not closed by a \"---\" line")
		}
	}
}

// yamlString reads an optional scalar. The line offset accounts for the
// opening "---".
func yamlString(n *yaml.Node, field string) (string, error) {
	switch {
	case n.Kind == 0 || n.Tag == "!!null":
		return "", nil
	case n.Kind == yaml.ScalarNode:
		return strings.TrimSpace(n.Value), nil
	}
	return "", fmt.Errorf("model card: %s (line %d): want a string", field, n.Line+1)
}

// yamlStrings reads an optional string or list of strings.
func yamlStrings(n *yaml.Node, field string) ([]string, error) {
	if n.Kind == yaml.SequenceNode {
		var out []string
		for i, item := range n.Content {
			s, err := yamlString(item, fmt.Sprintf("%s[%d]", field, i))
			if err != nil || item.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("model card: %s[%d] (line %d): want a string", field, i, item.Line+1)
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out, nil
	}
	s, err := yamlString(n, field)
	if err != nil {
		return nil, fmt.Errorf("model card: %s (line %d): want a string or a list of strings", field, n.Line+1)
	}
	if s == "" {
		return nil, nil
	}
	return []string{s}, nil
}

// hfOnlyLicenses are license ids the Hub offers that are not SPDX ids.
var hfOnlyLicenses = map[string]bool{
	"llama2": true, "llama3": true, "llama3.1": true, "llama3.2": true, "llama3.3": true, "llama4": true,
	"gemma": true, "openrail": true, "openrail++": true, "bigscience-openrail-m": true,
	"creativeml-openrail-m": true, "bigscience-bloom-rail-1.0": true, "bigcode-openrail-m": true,
	"deepfloyd-if-license": true, "apple-ascl": true, "apple-amlr": true, "intel-research": true,
	"lgpl-lr": true, "h-research": true, "cc": true, "fair-noncommercial-research-license": true,
}

// SPDXLicense turns the card's license into an SPDX expression. SPDX ids
// match case-insensitively, so Hub ids such as "apache-2.0" stay as they
// are; Hub-only ids become LicenseRef-<id> ("openrail++" becomes
// LicenseRef-openrail-plus-plus); "other" becomes LicenseRef-<license_name>;
// a missing or "unknown" license is NOASSERTION.
func (c *ModelCard) SPDXLicense() string {
	l := strings.TrimSpace(c.License)
	switch lower := strings.ToLower(l); {
	case l == "" || lower == "unknown":
		return "NOASSERTION"
	case lower == "other":
		if c.LicenseName == "" {
			return "NOASSERTION"
		}
		return "LicenseRef-" + licenseRefID(c.LicenseName)
	case hfOnlyLicenses[lower]:
		return "LicenseRef-" + licenseRefID(lower)
	case checkLicense(l) == nil:
		return l
	}
	return "LicenseRef-" + licenseRefID(l)
}

// licenseRefID makes s a valid SPDX idstring: letters, digits, '-', '.'.
func licenseRefID(s string) string {
	s = strings.ReplaceAll(s, "+", "-plus")
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// ModelCardExtension is the extension key under which ApplyTo records what
// a card says that a manifest cannot yet link by CID.
const ModelCardExtension = "co.huggingface/card"

// ApplyTo fills a draft manifest from the card: kind model, the license
// (if m has none), and, under the extension "co.huggingface/card", the Hub
// ids of the base models and datasets with the stated relation. Hub ids
// are not CIDs: the user completes the draft by adding Parents for them.
func (c *ModelCard) ApplyTo(m *Manifest) {
	if m.Subject.Kind == "" {
		m.Subject.Kind = KindModel
	}
	if m.License == "" {
		m.License = c.SPDXLicense()
	}
	ext := map[string]any{}
	if len(c.BaseModels) > 0 {
		ext["base_model"] = stringsToNode(c.BaseModels)
	}
	if c.BaseModelRelation != "" {
		ext["base_model_relation"] = string(c.BaseModelRelation)
	}
	if len(c.Datasets) > 0 {
		ext["datasets"] = stringsToNode(c.Datasets)
	}
	if c.License != "" {
		ext["license"] = c.License
	}
	if len(ext) == 0 {
		return
	}
	if m.Extensions == nil {
		m.Extensions = map[string]any{}
	}
	m.Extensions[ModelCardExtension] = ext
}
