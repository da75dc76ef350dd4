package attest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/aiprov/aiprov/internal/testtools"
	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/ipfs/go-cid"
	mh "github.com/multiformats/go-multihash"
)

// testEthKey is a fixed, public test key: geth --dev's funded account
// (go-ethereum cmd/utils/flags.go), address 0x71562b71999873DB5b286dF957af199Ec94617F7.
const (
	testEthKeyHex  = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"
	testEthAddress = "0x71562b71999873DB5b286dF957af199Ec94617F7"
)

func testEthKey(t testing.TB) *PrivateKey {
	t.Helper()
	k, err := ParsePrivateKey([]byte("0x"+testEthKeyHex), nil)
	if err != nil {
		t.Fatal(err)
	}
	if k.Address().Hex() != testEthAddress {
		t.Fatalf("test key address %s, want %s", k.Address().Hex(), testEthAddress)
	}
	return k
}

func testCID(t testing.TB, codec uint64, data string) cid.Cid {
	t.Helper()
	c, err := cid.Prefix{Version: 1, Codec: codec, MhType: mh.SHA2_256, MhLength: -1}.Sum([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testAttestation(t testing.TB) (ManifestAttestation, cid.Cid) {
	mc := testCID(t, cid.DagCBOR, "manifest")
	return ManifestAttestation{
		ManifestDigest: mustDigest(t, mc),
		SubjectDigest:  mustDigest(t, testCID(t, cid.DagProtobuf, "subject")),
		SubjectSize:    1 << 40,
		Created:        1764090000,
	}, mc
}

func mustDigest(t testing.TB, c cid.Cid) [32]byte {
	d, err := digest32(c)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var testDomains = []struct {
	name string
	d    Domain
}{
	{"default", DefaultDomain()},
	{"full", Domain{Name: "aiprov", Version: "1", ChainID: 1337, VerifyingContract: common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")}},
	{"chain only", Domain{Name: "aiprov", ChainID: 8453}},
	{"contract only", Domain{Version: "2", VerifyingContract: common.HexToAddress("0x00000000000000000000000000000000DeaDBeef")}},
}

// TestTypedDataHashMatchesGoEthereum checks the hand-written EIP-712 hash
// against go-ethereum's generic apitypes implementation fed the JSON
// object this package emits.
func TestTypedDataHashMatchesGoEthereum(t *testing.T) {
	a, _ := testAttestation(t)
	for _, tc := range testDomains {
		t.Run(tc.name, func(t *testing.T) {
			js, err := json.Marshal(NewTypedData(tc.d, a))
			if err != nil {
				t.Fatal(err)
			}
			var td apitypes.TypedData
			if err := json.Unmarshal(js, &td); err != nil {
				t.Fatal(err)
			}
			want, _, err := apitypes.TypedDataAndHash(td)
			if err != nil {
				t.Fatal(err)
			}
			got := TypedDataHash(tc.d, a)
			if !bytes.Equal(got[:], want) {
				t.Fatalf("hash %x, go-ethereum apitypes says %x\n%s", got, want, js)
			}
			// Parsing the emitted JSON gives back the same domain and message.
			var back TypedData
			if err := json.Unmarshal(js, &back); err != nil {
				t.Fatal(err)
			}
			d, a2, err := back.Parse()
			if err != nil || d != tc.d || a2 != a {
				t.Fatalf("Parse = %+v %+v %v", d, a2, err)
			}
		})
	}
}

func TestRecoverAddress(t *testing.T) {
	k := testEthKey(t)
	hash := keccak([]byte("message"))
	sig, err := k.SignHash(context.Background(), hash)
	if err != nil {
		t.Fatal(err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d, want 27 or 28", sig[64])
	}
	with := func(f func(s []byte)) []byte {
		s := bytes.Clone(sig)
		f(s)
		return s
	}
	// highS is the malleable twin of sig: s' = n - s with the parity flipped;
	// it recovers to the same key, so only the low-s rule rejects it.
	highS := with(func(s []byte) {
		n := new(big.Int).SetBytes(secp256k1N)
		sv := new(big.Int).Sub(n, new(big.Int).SetBytes(s[32:64]))
		sv.FillBytes(s[32:64])
		s[64] = 27 + (1 - (s[64] - 27))
	})
	if pub, err := ethcrypto.Ecrecover(hash[:], with(func(s []byte) { copy(s, highS); s[64] -= 27 })); err != nil ||
		ethcrypto.PubkeyToAddress(*mustPub(t, pub)) != k.Address() {
		t.Fatal("test setup: the high-s twin should recover to the same key")
	}
	tests := []struct {
		name    string
		sig     []byte
		wantErr string
	}{
		{"v=27/28", sig, ""},
		{"v=0/1", with(func(s []byte) { s[64] -= 27 }), ""},
		{"high s", highS, "high s"},
		{"v=2", with(func(s []byte) { s[64] = 2 }), "v = 2"},
		{"v=29", with(func(s []byte) { s[64] = 29 }), "v = 29"},
		{"short", sig[:64], "64 bytes"},
		{"r=0", with(func(s []byte) { clear(s[:32]) }), "r out of range"},
		{"s=0", with(func(s []byte) { clear(s[32:64]) }), "s is zero"},
		{"r=n", with(func(s []byte) { copy(s[:32], secp256k1N) }), "r out of range"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			addr, err := RecoverAddress(hash, tc.sig)
			if tc.wantErr == "" {
				if err != nil || addr != k.Address() {
					t.Fatalf("got %s, %v; want %s", addr.Hex(), err, k.Address().Hex())
				}
				return
			}
			if err == nil || !errors.Is(err, ErrBadSignature) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want ErrBadSignature mentioning %q", err, tc.wantErr)
			}
		})
	}
}

func mustPub(t *testing.T, b []byte) *ecdsa.PublicKey {
	p, err := ethcrypto.UnmarshalPubkey(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTypedDataParseRejects(t *testing.T) {
	a, _ := testAttestation(t)
	good, _ := json.Marshal(NewTypedData(testDomains[1].d, a))
	tests := []struct {
		name, from, to, wantErr string
	}{
		{"primary type", `"primaryType":"ManifestAttestation"`, `"primaryType":"Mail"`, "primaryType"},
		{"field type", `{"name":"subjectSize","type":"uint64"}`, `{"name":"subjectSize","type":"uint256"}`, "differs"},
		{"domain order", `[{"name":"name","type":"string"},{"name":"version","type":"string"}`, `[{"name":"version","type":"string"},{"name":"name","type":"string"}`, "EIP712Domain"},
		{"digest length", `"manifestDigest":"0x`, `"manifestDigest":"0x00`, "manifestDigest"},
		{"uint64 overflow", `"created":"1764090000"`, `"created":"18446744073709551616"`, "created"},
		{"unknown field", `"created":"1764090000"`, `"created":"1764090000","extra":"1"`, "unknown field"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tc.from, tc.to, 1)
			if bad == string(good) {
				t.Fatalf("test setup: %q not found in %s", tc.from, good)
			}
			var td TypedData
			err := json.Unmarshal([]byte(bad), &td)
			if err == nil {
				_, _, err = td.Parse()
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want one mentioning %q", err, tc.wantErr)
			}
		})
	}
}

// ethScriptBody checks the project's EIP-712 and EIP-191 signatures with
// ethers v6 and viem, and makes signatures with ethers for the project to
// check.
const ethScriptBody = `
import { ethers } from "ethers";
import { recoverTypedDataAddress, verifyTypedData, recoverMessageAddress } from "viem";
import { readFileSync } from "node:fs";
const input = JSON.parse(readFileSync(0, "utf8"));
const viemMessage = (m) => ({ ...m, subjectSize: BigInt(m.subjectSize), created: BigInt(m.created) });
const out = { ethers712: [], viem712: [], viemVerify: [], ethers191: [], viem191: [], ethersSigned: [], ethersPersonal: [] };
for (const c of input.typed) {
  const { EIP712Domain, ...types } = c.typedData.types;
  out.ethers712.push(ethers.verifyTypedData(c.typedData.domain, types, c.typedData.message, c.signature));
  out.viem712.push(await recoverTypedDataAddress({ domain: c.typedData.domain, types, primaryType: c.typedData.primaryType, message: viemMessage(c.typedData.message), signature: c.signature }));
  out.viemVerify.push(await verifyTypedData({ address: c.signer, domain: c.typedData.domain, types, primaryType: c.typedData.primaryType, message: viemMessage(c.typedData.message), signature: c.signature }));
}
for (const c of input.personal) {
  out.ethers191.push(ethers.verifyMessage(ethers.getBytes(c.message), c.signature));
  out.viem191.push(await recoverMessageAddress({ message: { raw: c.message }, signature: c.signature }));
}
const wallet = new ethers.Wallet(input.key);
for (const td of input.toSign) {
  const { EIP712Domain, ...types } = td.types;
  out.ethersSigned.push(await wallet.signTypedData(td.domain, types, td.message));
}
for (const m of input.personalToSign) out.ethersPersonal.push(await wallet.signMessage(ethers.getBytes(m)));
if (input.keystore) out.keystoreAddress = (await ethers.Wallet.fromEncryptedJson(input.keystore, input.keystorePassword)).address;
out.ethersKeystore = await ethers.encryptKeystoreJson(wallet, input.keystorePassword, { scrypt: { N: 1024 } });
console.log(JSON.stringify(out));
`

// TestEthereumInterop: ethers v6 and viem recover the signer of this
// package's EIP-712 and EIP-191 signatures; signatures ethers makes with
// the same key over the same data verify here; keystore v3 files move both
// ways.
func TestEthereumInterop(t *testing.T) {
	testtools.NodeDir(t)
	ctx := context.Background()
	k := testEthKey(t)
	a, mc := testAttestation(t)
	type typedCase struct {
		TypedData *TypedData `json:"typedData"`
		Signature string     `json:"signature"`
		Signer    string     `json:"signer"`
	}
	type personalCase struct {
		Message   string `json:"message"`
		Signature string `json:"signature"`
	}
	var in struct {
		Typed            []typedCase    `json:"typed"`
		Personal         []personalCase `json:"personal"`
		Key              string         `json:"key"`
		ToSign           []*TypedData   `json:"toSign"`
		PersonalToSign   []string       `json:"personalToSign"`
		Keystore         string         `json:"keystore"`
		KeystorePassword string         `json:"keystorePassword"`
	}
	in.Key = "0x" + testEthKeyHex
	for _, tc := range testDomains {
		s, err := signTypedData(ctx, k, tc.d, a, mc)
		if err != nil {
			t.Fatal(err)
		}
		in.Typed = append(in.Typed, typedCase{s.TypedData, s.Signature, s.Signer.Hex()})
		in.ToSign = append(in.ToSign, s.TypedData)
	}
	p, err := signPersonal(ctx, k, mc)
	if err != nil {
		t.Fatal(err)
	}
	in.Personal = append(in.Personal, personalCase{p.Message, p.Signature})
	in.PersonalToSign = []string{p.Message}
	in.KeystorePassword = "correct horse battery staple"
	ks, err := k.MarshalKeystore([]byte(in.KeystorePassword), KeystoreParams{N: 1 << 12, P: 1})
	if err != nil {
		t.Fatal(err)
	}
	in.Keystore = string(ks)
	stdin, _ := json.Marshal(in)
	raw := testtools.RunNode(t, ethScriptBody, stdin)
	var out struct {
		Ethers712, Viem712, Ethers191, Viem191, EthersSigned, EthersPersonal []string
		ViemVerify                                                           []bool
		KeystoreAddress                                                      string
		EthersKeystore                                                       string
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	for i, tc := range testDomains {
		if out.Ethers712[i] != testEthAddress || out.Viem712[i] != testEthAddress || !out.ViemVerify[i] {
			t.Errorf("%s: ethers recovered %s, viem %s (verify %v); want %s", tc.name, out.Ethers712[i], out.Viem712[i], out.ViemVerify[i], testEthAddress)
		}
		// The ethers signature over the same typed data verifies here.
		s := &EthSignature{Format: FormatEIP712, TypedData: in.ToSign[i], Signature: out.EthersSigned[i], Signer: k.Address()}
		if got, err := s.Recover(); err != nil || got != k.Address() {
			t.Errorf("%s: ethers signature recovers to %s, %v", tc.name, got.Hex(), err)
		}
		// ECDSA signing is deterministic (RFC 6979) in both: same bytes.
		if out.EthersSigned[i] != in.Typed[i].Signature {
			t.Errorf("%s: ethers signature %s differs from ours %s", tc.name, out.EthersSigned[i], in.Typed[i].Signature)
		}
	}
	if out.Ethers191[0] != testEthAddress || out.Viem191[0] != testEthAddress {
		t.Errorf("EIP-191: ethers recovered %s, viem %s", out.Ethers191[0], out.Viem191[0])
	}
	ps := &EthSignature{Format: FormatEIP191, Message: p.Message, Signature: out.EthersPersonal[0], Signer: k.Address()}
	if got, err := ps.Recover(); err != nil || got != k.Address() {
		t.Errorf("ethers personal_sign recovers to %s, %v", got.Hex(), err)
	}
	if out.KeystoreAddress != testEthAddress {
		t.Errorf("ethers decrypted our keystore to %s", out.KeystoreAddress)
	}
	back, err := ParsePrivateKey([]byte(out.EthersKeystore), func() ([]byte, error) { return []byte(in.KeystorePassword), nil })
	if err != nil || back.Address() != k.Address() {
		t.Errorf("ethers keystore: %v, %v", back, err)
	}
}
