package provenance

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(m *Manifest)
		wantPath string
		wantMsg  string
	}{
		{"contributor shares short", func(m *Manifest) { m.Contributors[1].Share-- }, "contributors", "sum to 99.999999%"},
		{"no contributors", func(m *Manifest) { m.Contributors = nil }, "contributors", "at least one"},
		{"duplicate contributor", func(m *Manifest) {
			m.Contributors = []Contributor{{ID: "0x71562b71999873db5b286df957af199ec94617f7", Role: "weights", Share: ShareWhole / 2}, {ID: "0x71562B71999873DB5B286DF957AF199EC94617F7", Role: "weights", Share: ShareWhole / 2}}
		}, "contributors[1]", "duplicate of contributors[0]"},
		{"bad checksum", func(m *Manifest) { m.Contributors[0].ID = "0x71562b71999873DB5b286dF957af199Ec94617f7" }, "contributors[0].id", "EIP-55"},
		{"bad ed25519", func(m *Manifest) { m.Contributors[1].ID = "ed25519:AAAA" }, "contributors[1].id", "32-byte"},
		{"unknown id", func(m *Manifest) { m.Contributors[1].ID = "alice" }, "contributors[1].id", "want an Ethereum address"},
		{"bad p256", func(m *Manifest) { m.Contributors[1].ID = "p256:" + strings.Repeat("A", 44) }, "contributors[1].id", "33-byte compressed point"},
		{"token not a manifest CID", func(m *Manifest) { m.Contributors[1].ID = "token:" + m.Subject.CID.String() }, "contributors[1].id", "dag-cbor"},
		{"token CID not base32", func(m *Manifest) {
			m.Contributors[1].ID = "token:" + must(m.Parents[0].CID.StringOfBase('z'))
		}, "contributors[1].id", "base32"},
		{"parent shares over 100%", func(m *Manifest) { m.Parents[0].Share = 98_000_000 }, "parents", "sum to 100.5%"},
		{"duplicate parent", func(m *Manifest) { m.Parents[1].CID = m.Parents[0].CID }, "parents[1].cid", "duplicate of parents[0]"},
		{"own parent", func(m *Manifest) { m.Parents[1].CID = m.Subject.CID }, "parents[1].cid", "its own parent"},
		{"unknown relation", func(m *Manifest) { m.Parents[0].Relation = "forked" }, "parents[0].relation", "unknown relation"},
		{"no policy", func(m *Manifest) { m.Royalty.Policy = "" }, "royalty.policy", "missing"},
		{"unknown policy", func(m *Manifest) { m.Royalty.Policy = "fair" }, "royalty.policy", "unknown policy"},
		{"unknown kind", func(m *Manifest) { m.Subject.Kind = "weights" }, "subject.kind", "unknown kind"},
		{"bad license", func(m *Manifest) { m.License = "MIT AND" }, "license", "not an SPDX expression"},
		{"bad license chars", func(m *Manifest) { m.License = "MIT/X11" }, "license", "only letters"},
		{"unbalanced license", func(m *Manifest) { m.License = "(MIT OR Apache-2.0" }, "license", "missing ')'"},
		{"no license", func(m *Manifest) { m.License = "" }, "license", "missing"},
		{"no time", func(m *Manifest) { m.Created = time.Time{} }, "created", "missing"},
		{"before 1970", func(m *Manifest) { m.Created = time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC) }, "created", "from 1970"},
		{"bad sha256", func(m *Manifest) { m.Subject.Files[1].SHA256 = strings.Repeat("AB", 32) }, "subject.files[1].sha256", "lowercase hex"},
		{"unsorted files", func(m *Manifest) { m.Subject.Files[0].Path = "zzz" }, "subject.files[1].path", "sorted"},
		{"dotdot path", func(m *Manifest) { m.Subject.Files[0].Path = "../etc/passwd" }, "subject.files[0].path", "leaves the artifact root"},
		{"absolute path", func(m *Manifest) { m.Subject.Files[0].Path = "/etc/passwd" }, "subject.files[0].path", "absolute"},
		{"unclean path", func(m *Manifest) { m.Subject.Files[0].Path = "a//b" }, "subject.files[0].path", "not clean"},
		{"size mismatch", func(m *Manifest) { m.Subject.Size = 1 }, "subject.size", "add up to 300"},
		{"extension not namespaced", func(m *Manifest) { m.Extensions = map[string]any{"eval": int64(1)} }, `extensions.eval`, "namespaced"},
		{"control char name", func(m *Manifest) { m.Subject.Name = "a\nb" }, "subject.name", "control character"},
		{"wrong schema", func(m *Manifest) { m.Schema = "v0" }, "schema", "want"},
		{"undefined parent", func(m *Manifest) { m.Parents[0].CID = cid.Undef }, "parents[0].cid", "missing"},
		{"md5 subject", func(m *Manifest) { m.Subject.CID = weakCID(mh.MD5, 16) }, "subject.cid", "insecure hash functions not allowed (md5)"},
		{"sha1 file", func(m *Manifest) { m.Subject.Files[0].CID = weakCID(mh.SHA1, 20) }, "subject.files[0].cid", "sha1"},
		{"truncated parent", func(m *Manifest) { m.Parents[0].CID = weakCID(mh.SHA2_256, 1) }, "parents[0].cid", "digest too small: sha2-256 digest got 1 bytes, minimum 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := exampleManifest()
			tt.edit(m)
			err := m.Validate()
			if err == nil {
				t.Fatal("valid")
			}
			if !errors.Is(err, ErrInvalidManifest) {
				t.Errorf("%v does not match ErrInvalidManifest", err)
			}
			// Validate joins one FieldError per problem; find ours.
			var found bool
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				var fe *FieldError
				if errors.As(e, &fe) && fe.Path == tt.wantPath && strings.Contains(fe.Error(), tt.wantMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("got %v\nwant a problem at %q saying %q", err, tt.wantPath, tt.wantMsg)
			}
		})
	}
}

// TestParseShare is the share grammar, the one every package uses (the
// manifest's --parent/--contributor flags, royalty graph JSON strings): a
// percentage with at most six significant decimals, nothing around it.
// Expected values are the percentage times 1,000,000, by hand.
func TestParseShare(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want uint64 // when ok
		ok   bool
	}{
		{"10%", 10_000_000, true},
		{"2.5%", 2_500_000, true},
		{"0.000001%", 1, true},
		{"100%", ShareWhole, true},
		{"100.000000%", ShareWhole, true},
		{"0%", 0, true},
		{"33.333333%", 33_333_333, true},
		{"1.500000%", 1_500_000, true},
		{"007%", 7_000_000, true},
		// Trailing zeros do not make a share inexact: 2.5% exactly.
		{"2.50000000%", 2_500_000, true},
		// A dot needs digits on both sides.
		{"10.%", 0, false},
		{".5%", 0, false},
		// No surrounding space: flags and JSON strings are taken as written.
		{" 10%", 0, false},
		{"10% ", 0, false},
		// A bare integer is not a percentage (in graph JSON, units of
		// ShareWhole are written as a JSON number, not a string).
		{"12500000", 0, false},
		{"10", 0, false},
		{"0.0000001%", 0, false},
		{"33.3333333%", 0, false},
		{"100.000001%", 0, false},
		{"101%", 0, false},
		{"1000%", 0, false},
		{"-1%", 0, false},
		{"+1%", 0, false},
		{"1e2%", 0, false},
		{"1,5%", 0, false},
		{"%", 0, false},
		{"", 0, false},
		{"10%%", 0, false},
	} {
		got, err := ParseShare(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("ParseShare(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
			continue
		}
		if tt.ok {
			if back, err := ParseShare(FormatShare(got)); err != nil || back != got {
				t.Errorf("FormatShare(%d) = %q does not parse back: %d, %v", got, FormatShare(got), back, err)
			}
		}
	}
	if s := FormatShare(2_500_000); s != "2.5%" {
		t.Errorf("FormatShare(2500000) = %q", s)
	}
}

func TestCheckLicense(t *testing.T) {
	for _, ok := range []string{"MIT", "apache-2.0", "other", "llama3.1", "GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0+", "(MIT OR Apache-2.0) AND CC-BY-4.0", "LicenseRef-acme", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "mit or apache-2.0", "NOASSERTION"} {
		if err := checkLicense(ok); err != nil {
			t.Errorf("checkLicense(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", "MIT AND", "AND MIT", "(MIT", "MIT)", "MIT WITH", "MIT OR OR BSD", "MIT Apache-2.0", "MIT/X11", "DocumentRef-x:MIT", "()", "MIT And BSD"} {
		if err := checkLicense(bad); err == nil {
			t.Errorf("checkLicense(%q) accepted", bad)
		}
	}
}

// weakCID is a CIDv1 raw with hash function code and a digest of length
// bytes: a CID two different contents can share.
func weakCID(code uint64, length int) cid.Cid {
	h, err := mh.Encode(make([]byte, length), code)
	if err != nil {
		panic(err)
	}
	return cid.NewCidV1(cid.Raw, h)
}

// A manifest whose CIDs are weak does not decode, from DAG-CBOR or from
// JSON, whatever the encoder was willing to write.
func TestDecodeManifestRefusesWeakCIDs(t *testing.T) {
	for _, c := range []cid.Cid{weakCID(mh.MD5, 16), weakCID(mh.SHA1, 20), weakCID(mh.SHA2_256, 1), weakCID(mh.IDENTITY, 129)} {
		m := exampleManifest()
		m.Parents[0].CID = c
		b, err := m.MarshalCBOR()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := DecodeManifest(b); !errors.Is(err, ErrUnsafeCID) || !strings.Contains(err.Error(), "parents[0].cid") {
			t.Errorf("%s: DecodeManifest: got %v, want ErrUnsafeCID at parents[0].cid", c, err)
		}
		j, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if err := new(Manifest).UnmarshalJSON(j); !errors.Is(err, ErrUnsafeCID) {
			t.Errorf("%s: UnmarshalJSON: got %v, want ErrUnsafeCID", c, err)
		}
		if _, _, err := ReadManifest(j); !errors.Is(err, ErrUnsafeCID) {
			t.Errorf("%s: ReadManifest: got %v, want ErrUnsafeCID", c, err)
		}
	}
}

// TestValidateContributorForms checks that each documented contributor ID
// form is accepted. Validate checks a P-256 point's form (33 bytes, 0x02
// or 0x03 first); attest checks that it is on the curve.
func TestValidateContributorForms(t *testing.T) {
	m := exampleManifest()
	for _, id := range []string{
		"0x71562b71999873db5b286df957af199ec94617f7",
		"ed25519:" + strings.Repeat("A", 43),
		"p256:AhXPIRn3m5Q6yVn6fQ6XRpdbQs3R1hbaPcrNgwqfGCEl",
		"token:" + m.Parents[0].CID.String(),
	} {
		m := exampleManifest()
		m.Contributors[1].ID = id
		if err := m.Validate(); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
}
