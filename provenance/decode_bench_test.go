package provenance

import "testing"

func BenchmarkDecodeManifest(b *testing.B) {
	m := chainManifest("org/model-12345", testCID("p1", 0x71), testCID("p2", 0x71))
	data, _ := m.MarshalCBOR()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := DecodeManifest(data); err != nil {
			b.Fatal(err)
		}
	}
}
