package chain

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/aiprov/aiprov/attest/chain/bindings"
	"github.com/ethereum/go-ethereum/common"
)

// Addresses are the deployed contracts.
type Addresses struct {
	Registry    common.Address `json:"registry"`
	Distributor common.Address `json:"distributor"` // pays royalties to the registry's artifacts
}

// Deployment is the outcome of Deploy.
type Deployment struct {
	Addresses
	ChainID uint64      `json:"chainId"`
	TxHash  common.Hash `json:"txHash"`
	GasUsed uint64      `json:"gasUsed"`
}

// Deploy deploys the registry, then the distributor serving it, from
// opt.Signer's account over b. GasUsed is both deployments'.
func Deploy(ctx context.Context, b Backend, chainIDWant uint64, opt TxOptions) (*Deployment, error) {
	id, err := chainID(ctx, b, chainIDWant)
	if err != nil {
		return nil, err
	}
	code, err := hex.DecodeString(strings.TrimPrefix(strings.TrimSpace(bindings.ProvenanceRegistryMetaData.Bin), "0x"))
	if err != nil {
		return nil, fmt.Errorf("chain: the registry's bytecode: %w", err)
	}
	// A retry after a lost connection may deploy a second copy; only the
	// address returned is used.
	s := newSender(b, opt, id, func(err error) error { return err })
	rcpt, err := s.transact(ctx, nil, code, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: deploying the registry: %w", err)
	}
	dist, drcpt, err := DeployDistributor(ctx, b, id.Uint64(), rcpt.ContractAddress, opt)
	if err != nil {
		return nil, err
	}
	return &Deployment{
		Addresses: Addresses{Registry: rcpt.ContractAddress, Distributor: dist},
		ChainID:   id.Uint64(),
		TxHash:    rcpt.TxHash,
		GasUsed:   rcpt.GasUsed + drcpt.GasUsed,
	}, nil
}
