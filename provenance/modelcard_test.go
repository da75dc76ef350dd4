package provenance

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseModelCard(t *testing.T) {
	tests := []struct {
		name, card string
		want       ModelCard
		spdx       string
	}{
		{"list and relation", `---
language:
- en
license: apache-2.0
base_model:
- meta-llama/Llama-2-7b-hf
- mistralai/Mistral-7B-v0.1
base_model_relation: merge
datasets:
  - HuggingFaceH4/ultrachat_200k
model-index:
- name: x
  results: []
---
# My model
`, ModelCard{BaseModels: []string{"meta-llama/Llama-2-7b-hf", "mistralai/Mistral-7B-v0.1"}, BaseModelRelation: RelationMerge, Datasets: []string{"HuggingFaceH4/ultrachat_200k"}, License: "apache-2.0"}, "apache-2.0"},
		{"string base model, other license", "---\r\nbase_model: TheBloke/foo\r\nlicense: other\r\nlicense_name: acme research license\r\ndatasets: squad\r\n---\r\n",
			ModelCard{BaseModels: []string{"TheBloke/foo"}, Datasets: []string{"squad"}, License: "other", LicenseName: "acme research license"}, "LicenseRef-acme-research-license"},
		{"hub-only license", "---\nlicense: openrail++\n---\n", ModelCard{License: "openrail++"}, "LicenseRef-openrail-plus-plus"},
		{"llama", "---\nlicense: llama3.1\nbase_model_relation: quantized\n---\n", ModelCard{License: "llama3.1", BaseModelRelation: RelationQuantized}, "LicenseRef-llama3.1"},
		{"no license", "---\ntags: [a]\n---\n", ModelCard{}, "NOASSERTION"},
		{"empty front matter", "---\n---\n", ModelCard{}, "NOASSERTION"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseModelCard(strings.NewReader(tt.card))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got %+v\nwant %+v", *got, tt.want)
			}
			if s := got.SPDXLicense(); s != tt.spdx {
				t.Errorf("SPDXLicense = %q; want %q", s, tt.spdx)
			}
			if err := checkLicense(got.SPDXLicense()); err != nil {
				t.Errorf("SPDXLicense is not an SPDX expression: %v", err)
			}
		})
	}
}

func TestParseModelCardRefuses(t *testing.T) {
	tests := []struct{ name, card, want string }{
		{"no front matter", "# Title\n", "no YAML front matter"},
		{"unclosed", "---\nlicense: mit\n", "not closed"},
		{"bad relation", "---\nbase_model: a/b\nbase_model_relation: forked\n---\n", "base_model_relation (line 3)"},
		{"map base model", "---\nbase_model:\n  a: b\n---\n", "base_model (line 3)"},
		{"nested list", "---\ndatasets:\n- [a]\n---\n", "datasets[0]"},
		{"duplicate key", "---\nlicense: mit\nlicense: apache-2.0\n---\n", "already defined"},
		{"huge", "---\n" + strings.Repeat("# padding\n", MaxModelCardFrontMatter/10+1) + "---\n", "larger than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseModelCard(strings.NewReader(tt.card))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v; want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := ParseModelCard(strings.NewReader("no")); !errors.Is(err, ErrNoFrontMatter) {
		t.Errorf("got %v; want ErrNoFrontMatter", err)
	}
}

func TestModelCardApplyTo(t *testing.T) {
	card := &ModelCard{BaseModels: []string{"a/b"}, BaseModelRelation: RelationAdapter, Datasets: []string{"d"}, License: "mit"}
	m := minimalManifest()
	m.License = ""
	m.Subject.Kind = ""
	card.ApplyTo(m)
	if m.License != "mit" || m.Subject.Kind != KindModel {
		t.Errorf("license %q, kind %q", m.License, m.Subject.Kind)
	}
	if err := m.Validate(); err != nil {
		t.Errorf("draft with a card extension: %v", err)
	}
	js, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"co.huggingface/card":{"base_model":["a/b"],"base_model_relation":"adapter","datasets":["d"],"license":"mit"}`) {
		t.Errorf("extension not recorded: %s", js)
	}
}

func FuzzParseModelCard(f *testing.F) {
	f.Add("---\nbase_model: [a, b]\nlicense: other\nlicense_name: x\n---\n")
	f.Add("---\na: &x [*x]\n---\n")
	f.Fuzz(func(t *testing.T, s string) {
		card, err := ParseModelCard(strings.NewReader(s))
		if err != nil {
			return
		}
		if err := checkLicense(card.SPDXLicense()); err != nil {
			t.Fatalf("SPDXLicense %q: %v", card.SPDXLicense(), err)
		}
	})
}
