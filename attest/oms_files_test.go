package attest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestOMSFileRules checks which files SignOMS and VerifyOMS look at, rule
// by rule, as model_signing's serializer chooses them.
func TestOMSFileRules(t *testing.T) {
	ctx := context.Background()
	key, err := GenerateKey(P256, nil)
	if err != nil {
		t.Fatal(err)
	}
	trust := OMSVerifyOptions{Keys: []*PublicKey{key.Public()}}
	names := func(t *testing.T, b *OMSBundle) []string {
		st, err := ParseOMSStatement(b.Envelope.Payload)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range st.Resources {
			out = append(out, r.Name)
		}
		return out
	}

	t.Run("empty model refused", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{".gitignore": "x", ".git/config": "y"})
		_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key})
		if !errors.Is(err, ErrOMSModel) {
			t.Fatalf("err = %v, want %v", err, ErrOMSModel)
		}
		if err == nil || !strings.Contains(err.Error(), "no files to sign") {
			t.Fatalf("err = %v, want one containing %q", err, "no files to sign")
		}
	})

	t.Run("git paths included on request", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{".gitignore": "x", "w": "y"})
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, IncludeGitPaths: true})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(t, b), []string{".gitignore", "w"}; !reflect.DeepEqual(got, want) {
			t.Fatalf("names(t, b) = %#v, want %#v", got, want)
		}
	})

	t.Run("symlink refused by default", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"w": "y"})
		if err := os.Symlink("w", filepath.Join(model, "link")); err != nil {
			t.Fatal(err)
		}
		_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key})
		if !errors.Is(err, ErrOMSModel) {
			t.Fatalf("err = %v, want %v", err, ErrOMSModel)
		}
		if err == nil || !strings.Contains(err.Error(), "link is a symbolic link") {
			t.Fatalf("err = %v, want one containing %q", err, "link is a symbolic link")
		}
	})

	t.Run("symlink inside followed when allowed", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"w": "y"})
		if err := os.Symlink("w", filepath.Join(model, "link")); err != nil {
			t.Fatal(err)
		}
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, AllowSymlinks: true})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(t, b), []string{"link", "w"}; !reflect.DeepEqual(got, want) {
			t.Fatalf("names(t, b) = %#v, want %#v", got, want)
		}
		st, _ := ParseOMSStatement(b.Envelope.Payload)
		if !(st.Serialization.AllowSymlinks) {
			t.Fatal("st.Serialization.AllowSymlinks is false")
		}
		if got, want := st.Resources[1].Digest, st.Resources[0].Digest; !reflect.DeepEqual(got, want) {
			t.Fatalf("st.Resources[1].Digest = %#v, want %#v", got, want)
		}
		// The verifier follows links only when its caller allows it too.
		opts := trust
		_, err = VerifyOMS(ctx, b, model, opts)
		if !errors.Is(err, ErrOMSModel) {
			t.Fatalf("err = %v, want %v", err, ErrOMSModel)
		}
		opts.AllowSymlinks = true
		_, err = VerifyOMS(ctx, b, model, opts)
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("symlink outside never followed", func(t *testing.T) {
		outside := filepath.Join(t.TempDir(), "secret")
		if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, target := range []string{outside, "../../" + filepath.Base(filepath.Dir(outside)) + "/secret"} {
			model := writeTestModel(t, map[string]string{"w": "y"})
			if err := os.Symlink(target, filepath.Join(model, "link")); err != nil {
				t.Fatal(err)
			}
			_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, AllowSymlinks: true})
			if !errors.Is(err, ErrOMSModel) {
				t.Fatalf("err = %v, want %v", err, ErrOMSModel)
			}
			if err == nil || !strings.Contains(err.Error(), "outside the model") {
				t.Fatalf("err = %v, want one containing %q", err, "outside the model")
			}
		}
	})

	t.Run("symlink to a directory not followed", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"d/w": "y"})
		if err := os.Symlink("d", filepath.Join(model, "link")); err != nil {
			t.Fatal(err)
		}
		_, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, AllowSymlinks: true})
		if err == nil || !strings.Contains(err.Error(), "does not lead to a regular file") {
			t.Fatalf("err = %v, want one containing %q", err, "does not lead to a regular file")
		}
	})

	t.Run("ignore paths are exact relative paths", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"cache/a": "1", "sub/cache/b": "2", "cachefile": "3"})
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key, IgnorePaths: []string{"cache", filepath.Join(model, "cachefile"), "../elsewhere"}})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(t, b), []string{"sub/cache/b"}; !reflect.DeepEqual(got, want) {
			t.Fatalf("names(t, b) = %#v, want %#v", got, want)
		}
		// The recorded ignore paths apply when verifying: no need to repeat them.
		_, err = VerifyOMS(ctx, b, model, trust)
		if err != nil {
			t.Fatal(err)
		}
	})

	t.Run("single file", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"model.bin": "weights"})
		file := filepath.Join(model, "model.bin")
		b, err := SignOMS(ctx, file, OMSSignOptions{Signer: key})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := names(t, b), []string{"."}; !reflect.DeepEqual(got, want) {
			t.Fatalf("names(t, b) = %#v, want %#v", got, want)
		}
		_, err = VerifyOMS(ctx, b, file, trust)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte("changed"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = VerifyOMS(ctx, b, file, trust)
		if !errors.Is(err, ErrSubjectMismatch) {
			t.Fatalf("err = %v, want %v", err, ErrSubjectMismatch)
		}
	})

	t.Run("unsigned, missing and changed files are named", func(t *testing.T) {
		model := writeTestModel(t, map[string]string{"a": "1", "b": "2"})
		b, err := SignOMS(ctx, model, OMSSignOptions{Signer: key})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(model, "a")); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(model, "b"), []byte("3"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(model, "c"), []byte("4"), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := VerifyOMS(ctx, b, model, trust)
		if !errors.Is(err, ErrSubjectMismatch) {
			t.Fatalf("err = %v, want %v", err, ErrSubjectMismatch)
		}
		if err == nil || !strings.Contains(err.Error(), "a is signed but missing") {
			t.Fatalf("err = %v, want one containing %q", err, "a is signed but missing")
		}
		if err == nil || !strings.Contains(err.Error(), "b has sha256") {
			t.Fatalf("err = %v, want one containing %q", err, "b has sha256")
		}
		if err == nil || !strings.Contains(err.Error(), "c is not in the signed model") {
			t.Fatalf("err = %v, want one containing %q", err, "c is not in the signed model")
		}
		if got := len(r.Problems); got != 3 {
			t.Fatalf("len(r.Problems) = %d, want %d", got, 3)
		}
	})
}
