// Package evmtest checks royalty's Merkle proofs where they are used: in
// OpenZeppelin's MerkleProof, on an EVM. It is a separate package so that
// package royalty itself never imports go-ethereum; it has only tests.
package evmtest
