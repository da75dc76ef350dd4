package attest

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aiprov/aiprov/provenance"
	"github.com/tailscale/hujson"
)

// Policy says whose signatures count and how many are needed. Its JSON form
// is the file `aiprov verify --policy` reads:
//
//	{
//	  "keys": [
//	    {"id": "ed25519:7Jx…", "name": "alice", "roles": ["publisher", "weights"]},
//	    {"id": "0x71562b71999873DB5b286dF957af199Ec94617F7", "roles": ["weights"]},
//	    {"publicKey": "-----BEGIN PUBLIC KEY-----\n…", "roles": ["data"]}
//	  ],
//	  "rules": [
//	    {"role": "publisher", "threshold": 1},
//	    {"role": "weights", "contributors": true, "threshold": 2}
//	  ],
//	  "eip712Domain": {"chainId": 1, "verifyingContract": "0x…"}
//	}
//
// Every rule must hold. With no rules, one signature by any listed key is
// enough. Only signatures that verify against a listed key count; each
// identity counts once per rule.
type Policy struct {
	Keys  []TrustedKey `json:"keys"`
	Rules []Rule       `json:"rules,omitempty"`
	// EIP712Domain, when set, pins the domain EIP-712 signatures must be
	// made under, so that a signature for another chain or contract does
	// not count: {"chainId": 1, "verifyingContract": "0x…"}. Name and
	// version default to DefaultDomain's.
	EIP712Domain *TypedDomain `json:"eip712Domain,omitempty"`
}

// TrustedKey is an identity the policy trusts.
type TrustedKey struct {
	// ID is an identity string ("ed25519:…", "p256:…", an 0x address).
	ID string `json:"id,omitempty"`
	// PublicKey may be given instead of ID: PKIX PEM or an OpenSSH line.
	PublicKey string   `json:"publicKey,omitempty"`
	Name      string   `json:"name,omitempty"`
	Roles     []string `json:"roles,omitempty"`
}

// Rule is a threshold over trusted signers.
type Rule struct {
	// Role, when set, counts only keys that hold it.
	Role string `json:"role,omitempty"`
	// Contributors, when true, counts only signers that the manifest lists
	// among its contributors (matched by identity).
	Contributors bool `json:"contributors,omitempty"`
	// Threshold is how many distinct signers are needed (at least 1).
	Threshold int `json:"threshold"`
}

func (r Rule) String() string {
	var who []string
	if r.Role != "" {
		who = append(who, "role "+r.Role)
	}
	if r.Contributors {
		who = append(who, "manifest contributors")
	}
	if len(who) == 0 {
		who = append(who, "trusted keys")
	}
	return fmt.Sprintf("%d of %s", r.Threshold, strings.Join(who, ", "))
}

// Limits on policy files.
const (
	maxPolicySize = 4 << 20
	maxPolicyKeys = 10_000
)

// ErrMalformedPolicy is matched by policy parsing errors.
var ErrMalformedPolicy = errors.New("malformed trust policy")

// ParsePolicy reads a policy's JSON form and checks it. Comments (// and
// /* */) and trailing commas are allowed, as in Tailscale's policy files
// (JWCC, read with github.com/tailscale/hujson), so that a policy can say
// why each key is trusted; byte offsets in errors stay those of the file.
func ParsePolicy(data []byte) (*Policy, error) {
	if len(data) > maxPolicySize {
		return nil, fmt.Errorf("%w: %d bytes, more than %d", ErrMalformedPolicy, len(data), maxPolicySize)
	}
	data, err := hujson.Standardize(bytes.Clone(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedPolicy, err)
	}
	var p Policy
	if err := unmarshalStrict(data, &p); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedPolicy, describeJSONError(err))
	}
	if _, err := p.compile(); err != nil {
		return nil, err
	}
	return &p, nil
}

// compiledPolicy maps canonical identities to keys and roles.
type compiledPolicy struct {
	keys   map[string]*trusted // by canonical ID
	order  []*trusted
	rules  []Rule
	domain *Domain // the pinned EIP-712 domain, if any
}

type trusted struct {
	key   *PublicKey
	v     Verifier // key, or a user-supplied Verifier
	name  string
	roles []string
}

func (p *Policy) compile() (*compiledPolicy, error) {
	if len(p.Keys) > maxPolicyKeys {
		return nil, fmt.Errorf("%w: %d keys, more than %d", ErrMalformedPolicy, len(p.Keys), maxPolicyKeys)
	}
	c := &compiledPolicy{keys: map[string]*trusted{}}
	for i, k := range p.Keys {
		var pk *PublicKey
		var err error
		switch {
		case k.ID != "" && k.PublicKey != "":
			pk, err = ParsePublicKey([]byte(k.PublicKey))
			if err == nil {
				// Identities compare in canonical form: base64url is
				// case-sensitive, only addresses fold.
				if idk, ierr := ParseIdentity(k.ID); ierr != nil || idk.ID() != pk.ID() {
					err = fmt.Errorf("id %s does not match publicKey (%s)", k.ID, pk.ID())
				}
			}
		case k.PublicKey != "":
			pk, err = ParsePublicKey([]byte(k.PublicKey))
		case k.ID != "":
			pk, err = ParseIdentity(k.ID)
		default:
			err = errors.New("needs id or publicKey")
		}
		if err != nil {
			return nil, fmt.Errorf("%w: keys[%d]: %w", ErrMalformedPolicy, i, err)
		}
		if err := c.add(pk, pk, k.Name, k.Roles); err != nil {
			return nil, fmt.Errorf("%w: keys[%d]: %v", ErrMalformedPolicy, i, err)
		}
	}
	for i, r := range p.Rules {
		if r.Threshold < 1 {
			return nil, fmt.Errorf("%w: rules[%d].threshold is %d, want at least 1", ErrMalformedPolicy, i, r.Threshold)
		}
		eligible := 0
		for _, t := range c.order {
			if r.Role == "" || slices.Contains(t.roles, r.Role) {
				eligible++
			}
		}
		if eligible < r.Threshold {
			return nil, fmt.Errorf("%w: rules[%d] (%s) can never hold: only %d keys are eligible", ErrMalformedPolicy, i, r, eligible)
		}
	}
	c.rules = slices.Clone(p.Rules)
	if td := p.EIP712Domain; td != nil {
		d, err := td.domain()
		if err != nil {
			return nil, fmt.Errorf("%w: eip712Domain: %v", ErrMalformedPolicy, err)
		}
		def := DefaultDomain()
		if d.Name == "" {
			d.Name = def.Name
		}
		if d.Version == "" {
			d.Version = def.Version
		}
		c.domain = &d
	}
	return c, nil
}

func (c *compiledPolicy) add(pk *PublicKey, v Verifier, name string, roles []string) error {
	id := v.ID()
	if pk != nil {
		id = pk.ID()
	}
	if t, ok := c.keys[id]; ok {
		// The same key listed twice (a policy plus --key): merge roles.
		for _, r := range roles {
			if !slices.Contains(t.roles, r) {
				t.roles = append(t.roles, r)
			}
		}
		return nil
	}
	t := &trusted{key: pk, v: v, name: name, roles: slices.Clone(roles)}
	c.keys[id] = t
	c.order = append(c.order, t)
	return nil
}

// RuleResult says whether one rule held, and which signers counted.
type RuleResult struct {
	Rule      Rule
	Signers   []string // identities that counted
	Satisfied bool
}

// evaluate applies the rules to the set of verified trusted identities.
func (c *compiledPolicy) evaluate(verified []string, m *provenance.Manifest) []RuleResult {
	rules := c.rules
	if len(rules) == 0 {
		rules = []Rule{{Threshold: 1}}
	}
	needContributors := false
	for _, r := range rules {
		needContributors = needContributors || r.Contributors
	}
	contributors := map[string]bool{}
	if m != nil && needContributors {
		for _, ct := range m.Contributors {
			if pk, err := ParseIdentity(ct.ID); err == nil {
				contributors[pk.ID()] = true
			}
		}
	}
	out := make([]RuleResult, len(rules))
	for i, r := range rules {
		res := RuleResult{Rule: r}
		for _, id := range verified {
			t := c.keys[id]
			if t == nil || slices.Contains(res.Signers, id) {
				continue
			}
			if r.Role != "" && !slices.Contains(t.roles, r.Role) {
				continue
			}
			if r.Contributors && !contributors[id] {
				continue
			}
			res.Signers = append(res.Signers, id)
		}
		res.Satisfied = len(res.Signers) >= r.Threshold
		out[i] = res
	}
	return out
}
