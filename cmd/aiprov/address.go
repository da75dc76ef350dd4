package main

import (
	"github.com/ethereum/go-ethereum/common"

	"github.com/aiprov/aiprov/internal/eip55"
)

// addressFlag parses an Ethereum address given to flag with the grammar
// of addresses everywhere in aiprov (manifests, payouts, identities): 0x
// and 40 hex digits, in one case or with a valid EIP-55 checksum.
// (common.IsHexAddress ignores case, so a typo in a checksummed address
// would pass it.)
func addressFlag(flag, s string) (common.Address, error) {
	a, err := eip55.Parse(s, nil)
	if err != nil {
		return common.Address{}, usagef("%s %q: %v", flag, s, err)
	}
	return common.Address(a), nil
}
