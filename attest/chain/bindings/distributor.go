// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// DistributorApproval is an auto generated low-level Go binding around an user-defined struct.
type DistributorApproval struct {
	Voter     uint32
	Signature []byte
}

// DistributorVoter is an auto generated low-level Go binding around an user-defined struct.
type DistributorVoter struct {
	Account common.Address
	Weight  uint32
}

// DistributorMetaData contains all meta data concerning the Distributor contract.
var DistributorMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC721\",\"name\":\"registry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"AlreadyConfigured\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"position\",\"type\":\"uint256\"}],\"name\":\"ApprovalsOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"voter\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"BadApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"BadVoters\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"EpochExhausted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"InsufficientUnallocated\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"approvedWeight\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"totalWeight\",\"type\":\"uint256\"}],\"name\":\"NoMajority\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"NotAToken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotArtifactOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"NotConfigured\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPublisher\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ProofTooLong\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"TotalTooLarge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"UnknownArtifact\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"UnknownEpoch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"VotersMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"votersHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"totalWeight\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"}],\"name\":\"Configured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"EpochPublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Paid\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"EPOCH_APPROVAL_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PROOF_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"approvalDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"weight\",\"type\":\"uint32\"}],\"internalType\":\"structDistributor.Voter[]\",\"name\":\"voters\",\"type\":\"tuple[]\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"}],\"name\":\"configure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"name\":\"epochOf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"governance\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"votersHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"epochs\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"totalWeight\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"isClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"pay\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"payToken\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"weight\",\"type\":\"uint32\"}],\"internalType\":\"structDistributor.Voter[]\",\"name\":\"voters\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"voter\",\"type\":\"uint32\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"internalType\":\"structDistributor.Approval[]\",\"name\":\"approvals\",\"type\":\"tuple[]\"}],\"name\":\"publish\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIERC721\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"unallocated\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Distributor",
	Bin: "0x610180604052348015610010575f5ffd5b506040516129dd3803806129dd83398101604081905261002f9161017d565b6040518060400160405280601281526020017130b4b83937bb102234b9ba3934b13aba37b960711b815250604051806040016040528060018152602001603160f81b8152506100838261013760201b60201c565b6101205261009081610137565b61014052815160208084019190912060e052815190820120610100524660a05261011c60e05161010051604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201529081019290925260608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b60805250503060c0526001600160a01b031661016052610205565b5f5f829050601f8151111561016a578260405163305a27a960e01b815260040161016191906101aa565b60405180910390fd5b8051610175826101df565b179392505050565b5f6020828403121561018d575f5ffd5b81516001600160a01b03811681146101a3575f5ffd5b9392505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b805160208083015191908110156101ff575f198160200360031b1b821691505b50919050565b60805160a05160c05160e051610100516101205161014051610160516127766102675f395f818161019301526113cb01525f611ae601525f611ab601525f611e6601525f611e3e01525f611d9901525f611dc301525f611ded01526127765ff3fe6080604052600436106100d9575f3560e01c80639b4d9d7d1161007c578063b9df205111610057578063b9df205114610365578063c290d69114610379578063ce417dc11461038c578063df9173d3146103ab575f5ffd5b80639b4d9d7d14610230578063ac53a3611461024f578063b5099f051461032f575f5ffd5b806374e39033116100b757806374e39033146101635780637b1039991461018257806384b0196e146101da57806385853dbb14610201575f5ffd5b80630ec5de72146100dd578063584b68c9146101235780635d4df3bf14610144575b5f5ffd5b3480156100e8575f5ffd5b506101107f48a31aa0b99ffcf854b6a0808f6058b0d9ca0db91e3a3866764c5cf717eb9fb681565b6040519081526020015b60405180910390f35b34801561012e575f5ffd5b5061014261013d366004612153565b6103fa565b005b34801561014f575f5ffd5b5061014261015e3660046121d0565b6106d7565b34801561016e575f5ffd5b5061011061017d36600461227f565b610975565b34801561018d575f5ffd5b506101b57f000000000000000000000000000000000000000000000000000000000000000081565b60405173ffffffffffffffffffffffffffffffffffffffff909116815260200161011a565b3480156101e5575f5ffd5b506101ee610d37565b60405161011a9796959493929190612368565b34801561020c575f5ffd5b5061022061021b3660046121d0565b610d95565b604051901515815260200161011a565b34801561023b575f5ffd5b5061011061024a366004612427565b610e40565b34801561025a575f5ffd5b506102e561026936600461246c565b5f9081526002602052604090208054600190910154909173ffffffffffffffffffffffffffffffffffffffff82169174010000000000000000000000000000000000000000810467ffffffffffffffff16917c010000000000000000000000000000000000000000000000000000000090910463ffffffff1690565b6040805194855273ffffffffffffffffffffffffffffffffffffffff909316602085015267ffffffffffffffff9091169183019190915263ffffffff16606082015260800161011a565b34801561033a575f5ffd5b50610110610349366004612483565b600360209081525f928352604080842090915290825290205481565b348015610370575f5ffd5b50610110604081565b61014261038736600461246c565b610ecf565b348015610397575f5ffd5b506101426103a63660046124b1565b610f8b565b3480156103b6575f5ffd5b506103ca6103c536600461250c565b6112fd565b6040805193845273ffffffffffffffffffffffffffffffffffffffff90921660208401529082015260600161011a565b610402611363565b73ffffffffffffffffffffffffffffffffffffffff821661046c576040517ff0ae59ab00000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff831660048201526024015b60405180910390fd5b805f036104a5576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6104ae8361139a565b506040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f9073ffffffffffffffffffffffffffffffffffffffff8416906370a0823190602401602060405180830381865afa158015610519573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061053d919061252c565b905061056173ffffffffffffffffffffffffffffffffffffffff84163330856114a5565b6040517f70a082310000000000000000000000000000000000000000000000000000000081523060048201525f90829073ffffffffffffffffffffffffffffffffffffffff8616906370a0823190602401602060405180830381865afa1580156105cd573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105f1919061252c565b6105fb9190612570565b9050805f03610636576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f85815260036020908152604080832073ffffffffffffffffffffffffffffffffffffffff8816845290915281208054839290610674908490612583565b9091555050604051818152339073ffffffffffffffffffffffffffffffffffffffff86169087907f2a156326ec22774ffa31f45f5f5990405e41eb6fe44e1d600934ab445cf3c0c19060200160405180910390a450506106d2611507565b505050565b6106df611363565b5f86815260046020908152604080832088845290915281208054909181900361073e576040517fe51d77f60000000000000000000000000000000000000000000000000000000081526004810189905260248101889052604401610463565b5f61074c8288888888611531565b5f8a81526005602090815260408083208c84528252808320600885901c8452918290529091205491925090600160ff84161b808216156107de576040517f7f24ead1000000000000000000000000000000000000000000000000000000008152600481018d9052602481018c905273ffffffffffffffffffffffffffffffffffffffff8b166044820152606401610463565b600884901c5f908152602084905260409020818317905560018601547401000000000000000000000000000000000000000090046bffffffffffffffffffffffff16808a1115610864576040517fbe73b8ce00000000000000000000000000000000000000000000000000000000815260048101829052602481018b9052604401610463565b8981038760010160146101000a8154816bffffffffffffffffffffffff02191690836bffffffffffffffffffffffff1602179055505f876001015f9054906101000a900473ffffffffffffffffffffffffffffffffffffffff1690508b73ffffffffffffffffffffffffffffffffffffffff168d8f7fb94bf7f9302edf52a596286915a69b4b0685574cffdedd0712e3c62f2550f0ba8e60405161090a91815260200190565b60405180910390a473ffffffffffffffffffffffffffffffffffffffff811661093c576109378c8c611685565b61095d565b61095d73ffffffffffffffffffffffffffffffffffffffff82168d8d61172e565b505050505050505061096d611507565b505050505050565b5f8681036109af576040517fb263ae7300000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b855f036109e8576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6bffffffffffffffffffffffff861115610a31576040517f91f8bdd200000000000000000000000000000000000000000000000000000000815260048101879052602401610463565b5f898152600260205260409020600181015473ffffffffffffffffffffffffffffffffffffffff1680158015610a6657508154155b15610aa0576040517f9b04588d000000000000000000000000000000000000000000000000000000008152600481018c9052602401610463565b600182015474010000000000000000000000000000000000000000900467ffffffffffffffff16925073ffffffffffffffffffffffffffffffffffffffff81163314610b0057610b0082610af78d868e8e8e610e40565b89898989611789565b5f8b815260036020908152604080832073ffffffffffffffffffffffffffffffffffffffff8e16845290915290205480891115610b73576040517f30e44a1d00000000000000000000000000000000000000000000000000000000815260048101829052602481018a9052604401610463565b5f8c815260036020908152604080832073ffffffffffffffffffffffffffffffffffffffff8f16845290915290208982039055610bb1846001612583565b8360010160146101000a81548167ffffffffffffffff021916908367ffffffffffffffff16021790555060405180606001604052808b81526020018c73ffffffffffffffffffffffffffffffffffffffff1681526020018a6bffffffffffffffffffffffff1681525060045f8e81526020019081526020015f205f8681526020019081526020015f205f820151815f01556020820151816001015f6101000a81548173ffffffffffffffffffffffffffffffffffffffff021916908373ffffffffffffffffffffffffffffffffffffffff16021790555060408201518160010160146101000a8154816bffffffffffffffffffffffff02191690836bffffffffffffffffffffffff160217905550905050838c7f53042c65bbfdceecfa66d3643e9ba62798074c14ed80229b6e3fb696aceb769d8d8d8d604051610d209392919073ffffffffffffffffffffffffffffffffffffffff9390931683526020830191909152604082015260600190565b60405180910390a350505098975050505050505050565b5f6060805f5f5f6060610d48611aaf565b610d50611adf565b604080515f808252602082019092527f0f000000000000000000000000000000000000000000000000000000000000009b939a50919850469750309650945092509050565b5f868152600460209081526040808320888452909152812054808203610df1576040517fe51d77f60000000000000000000000000000000000000000000000000000000081526004810189905260248101889052604401610463565b5f610dff8288888888611531565b5f8a81526005602090815260408083208c84528252808320600885901c8452909152902054600160ff9092169190911b161515925050509695505050505050565b604080517f48a31aa0b99ffcf854b6a0808f6058b0d9ca0db91e3a3866764c5cf717eb9fb660208201529081018690526060810185905273ffffffffffffffffffffffffffffffffffffffff8416608082015260a0810183905260c081018290525f90610ec59060e00160405160208183030381529060405280519060200120611b0a565b9695505050505050565b610ed7611363565b345f03610f10576040517f1f2a200500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b610f198161139a565b505f81815260036020908152604080832083805290915281208054349290610f42908490612583565b909155505060405134815233905f9083907f2a156326ec22774ffa31f45f5f5990405e41eb6fe44e1d600934ab445cf3c0c19060200160405180910390a4610f88611507565b50565b33610f958561139a565b73ffffffffffffffffffffffffffffffffffffffff1614610feb576040517fcf2d68be00000000000000000000000000000000000000000000000000000000815260048101859052336024820152604401610463565b5f84815260026020526040902080541515806110205750600181015473ffffffffffffffffffffffffffffffffffffffff1615155b1561105a576040517f3389660700000000000000000000000000000000000000000000000000000000815260048101869052602401610463565b5f5f5f5b8581101561119d578173ffffffffffffffffffffffffffffffffffffffff1687878381811061108f5761108f612596565b6110a592602060409092020190810191506125c3565b73ffffffffffffffffffffffffffffffffffffffff161115806110f557508686828181106110d5576110d5612596565b90506040020160200160208101906110ed91906125f1565b63ffffffff16155b1561112f576040517f2ba8262a00000000000000000000000000000000000000000000000000000000815260048101899052602401610463565b86868281811061114157611141612596565b61115792602060409092020190810191506125c3565b915086868281811061116b5761116b612596565b905060400201602001602081019061118391906125f1565b6111939063ffffffff1684612583565b925060010161105e565b5063ffffffff8211806111cd5750841580156111cd575073ffffffffffffffffffffffffffffffffffffffff8416155b15611207576040517f2ba8262a00000000000000000000000000000000000000000000000000000000815260048101889052602401610463565b5f851561123c57868660405160200161122192919061260a565b6040516020818303038152906040528051906020012061123e565b5f5b80855560018501805473ffffffffffffffffffffffffffffffffffffffff88167bffffffffffffffff000000000000000000000000000000000000000090911681177c010000000000000000000000000000000000000000000000000000000063ffffffff88169081029190911790925560408051848152602081019390935282015290915088907ff5099311190dff5758598a37e94f9ffb411171e55f6243fabce5eaf42093777f9060600160405180910390a25050505050505050565b5f8281526004602090815260408083208484529091529020805460019091015473ffffffffffffffffffffffffffffffffffffffff8116907401000000000000000000000000000000000000000090046bffffffffffffffffffffffff165b9250925092565b61136b611b51565b61139860017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005b90611baa565b565b6040517f6352211e000000000000000000000000000000000000000000000000000000008152600481018290525f907f000000000000000000000000000000000000000000000000000000000000000073ffffffffffffffffffffffffffffffffffffffff1690636352211e90602401602060405180830381865afa925050508015611461575060408051601f3d9081017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe016820190925261145e9181019061267a565b60015b61149a576040517f4d9e125200000000000000000000000000000000000000000000000000000000815260048101839052602401610463565b92915050565b919050565b6114b3848484846001611bb1565b611501576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff85166004820152602401610463565b50505050565b6113985f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f00611392565b5f816040811115611571576040517fab6a068300000000000000000000000000000000000000000000000000000000815260048101829052602401610463565b6040805173ffffffffffffffffffffffffffffffffffffffff881660208201529081018690525f90606001604080517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0818403018152828252805160209182012090830152016040516020818303038152906040528051906020012090505f5b8281101561163c575f86868381811061160c5761160c612596565b9050602002013590508083101561162757816001901b851794505b6116318382611c44565b9250506001016115f1565b50878114611676576040517f09bde33900000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b506001901b1795945050505050565b804710156116c8576040517fcf47918100000000000000000000000000000000000000000000000000000000815247600482015260248101829052604401610463565b6116e1828260405180602001604052805f815250611c73565b156116ea575050565b3d156116fc576116f8611c88565b5050565b6040517fd6bda27500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b61173b8383836001611c93565b6106d2576040517f5274afe700000000000000000000000000000000000000000000000000000000815273ffffffffffffffffffffffffffffffffffffffff84166004820152602401610463565b85545f8190036117c7576040517fe35593b5000000000000000000000000000000000000000000000000000000008152336004820152602401610463565b8085856040516020016117db92919061260a565b6040516020818303038152906040528051906020012014611828576040517f816f048e00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f5f5f5b84811015611a2a575f86868381811061184757611847612596565b90506020028101906118599190612695565b6118679060208101906125f1565b63ffffffff1690508281108061187d5750878110155b156118b7576040517f98d5a2fb00000000000000000000000000000000000000000000000000000000815260048101839052602401610463565b6118c2816001612583565b92505f6119348b8989868181106118db576118db612596565b90506020028101906118ed9190612695565b6118fb9060208101906126d1565b8080601f0160208091040260200160405190810160405280939291908181526020018383808284375f92019190915250611d1b92505050565b905089898381811061194857611948612596565b61195e92602060409092020190810191506125c3565b73ffffffffffffffffffffffffffffffffffffffff168173ffffffffffffffffffffffffffffffffffffffff16146119e1576040517f5c12e26b0000000000000000000000000000000000000000000000000000000081526004810183905273ffffffffffffffffffffffffffffffffffffffff82166024820152604401610463565b8989838181106119f3576119f3612596565b9050604002016020016020810190611a0b91906125f1565b611a1b9063ffffffff1686612583565b9450505080600101905061182c565b5060018901547c0100000000000000000000000000000000000000000000000000000000900463ffffffff1680611a62846002612732565b11611aa3576040517f56159fd10000000000000000000000000000000000000000000000000000000081526004810184905260248101829052604401610463565b50505050505050505050565b6060611ada7f0000000000000000000000000000000000000000000000000000000000000000611d43565b905090565b6060611ada7f0000000000000000000000000000000000000000000000000000000000000000611d43565b5f61149a611b16611d80565b836040517f19010000000000000000000000000000000000000000000000000000000000008152600281019290925260228201526042902090565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c15611398576040517f3ee5aeb500000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b80825d5050565b6040517f23b872dd000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8781166004528616602452604485905291602083606481808c5af1925060015f51148316611c33578383151615611c27573d5f823e3d81fd5b5f883b113d1516831692505b604052505f60605295945050505050565b5f818310611c5e575f828152602084905260409020611c6c565b5f8381526020839052604090205b9392505050565b5f5f5f83516020850186885af1949350505050565b6040513d5f823e3d81fd5b6040517fa9059cbb000000000000000000000000000000000000000000000000000000005f81815273ffffffffffffffffffffffffffffffffffffffff8616600452602485905291602083604481808b5af1925060015f51148316611d0f578383151615611d03573d5f823e3d81fd5b5f873b113d1516831692505b60405250949350505050565b5f5f5f5f611d298686611eb6565b925092509250611d398282611efc565b5090949350505050565b60605f611d4f83611fff565b6040805160208082528183019092529192505f91906020820181803683375050509182525060208101929092525090565b5f3073ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016148015611de557507f000000000000000000000000000000000000000000000000000000000000000046145b15611e0f57507f000000000000000000000000000000000000000000000000000000000000000090565b611ada604080517f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f60208201527f0000000000000000000000000000000000000000000000000000000000000000918101919091527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a08201525f9060c00160405160208183030381529060405280519060200120905090565b5f5f5f8351604103611eed576020840151604085015160608601515f1a611edf8882858561203f565b95509550955050505061135c565b505081515f915060029061135c565b5f826003811115611f0f57611f0f612749565b03611f18575050565b6001826003811115611f2c57611f2c612749565b03611f63576040517ff645eedf00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b6002826003811115611f7757611f77612749565b03611fb1576040517ffce698f700000000000000000000000000000000000000000000000000000000815260048101829052602401610463565b6003826003811115611fc557611fc5612749565b036116f8576040517fd78bce0c00000000000000000000000000000000000000000000000000000000815260048101829052602401610463565b5f60ff8216601f81111561149a576040517fb3512b0c00000000000000000000000000000000000000000000000000000000815260040160405180910390fd5b5f80807f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084111561207857505f91506003905082612128565b604080515f808252602082018084528a905260ff891692820192909252606081018790526080810186905260019060a0016020604051602081039080840390855afa1580156120c9573d5f5f3e3d5ffd5b50506040517fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0015191505073ffffffffffffffffffffffffffffffffffffffff811661211f57505f925060019150829050612128565b92505f91508190505b9450945094915050565b73ffffffffffffffffffffffffffffffffffffffff81168114610f88575f5ffd5b5f5f5f60608486031215612165575f5ffd5b83359250602084013561217781612132565b929592945050506040919091013590565b5f5f83601f840112612198575f5ffd5b50813567ffffffffffffffff8111156121af575f5ffd5b6020830191508360208260051b85010111156121c9575f5ffd5b9250929050565b5f5f5f5f5f5f60a087890312156121e5575f5ffd5b863595506020870135945060408701356121fe81612132565b935060608701359250608087013567ffffffffffffffff811115612220575f5ffd5b61222c89828a01612188565b979a9699509497509295939492505050565b5f5f83601f84011261224e575f5ffd5b50813567ffffffffffffffff811115612265575f5ffd5b6020830191508360208260061b85010111156121c9575f5ffd5b5f5f5f5f5f5f5f5f60c0898b031215612296575f5ffd5b8835975060208901356122a881612132565b96506040890135955060608901359450608089013567ffffffffffffffff8111156122d1575f5ffd5b6122dd8b828c0161223e565b90955093505060a089013567ffffffffffffffff8111156122fc575f5ffd5b6123088b828c01612188565b999c989b5096995094979396929594505050565b5f81518084528060208401602086015e5f6020828601015260207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f83011685010191505092915050565b7fff000000000000000000000000000000000000000000000000000000000000008816815260e060208201525f6123a260e083018961231c565b82810360408401526123b4818961231c565b6060840188905273ffffffffffffffffffffffffffffffffffffffff8716608085015260a0840186905283810360c0850152845180825260208087019350909101905f5b818110156124165783518352602093840193909201916001016123f8565b50909b9a5050505050505050505050565b5f5f5f5f5f60a0868803121561243b575f5ffd5b8535945060208601359350604086013561245481612132565b94979396509394606081013594506080013592915050565b5f6020828403121561247c575f5ffd5b5035919050565b5f5f60408385031215612494575f5ffd5b8235915060208301356124a681612132565b809150509250929050565b5f5f5f5f606085870312156124c4575f5ffd5b84359350602085013567ffffffffffffffff8111156124e1575f5ffd5b6124ed8782880161223e565b909450925050604085013561250181612132565b939692955090935050565b5f5f6040838503121561251d575f5ffd5b50508035926020909101359150565b5f6020828403121561253c575f5ffd5b5051919050565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b8181038181111561149a5761149a612543565b8082018082111561149a5761149a612543565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b5f602082840312156125d3575f5ffd5b8135611c6c81612132565b803563ffffffff811681146114a0575f5ffd5b5f60208284031215612601575f5ffd5b611c6c826125de565b602080825281018290525f8360408301825b8581101561267057823561262f81612132565b73ffffffffffffffffffffffffffffffffffffffff16825263ffffffff612658602085016125de565b1660208301526040928301929091019060010161261c565b5095945050505050565b5f6020828403121561268a575f5ffd5b8151611c6c81612132565b5f82357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc18336030181126126c7575f5ffd5b9190910192915050565b5f5f83357fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1843603018112612704575f5ffd5b83018035915067ffffffffffffffff82111561271e575f5ffd5b6020019150368190038213156121c9575f5ffd5b808202811582820484141761149a5761149a612543565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd",
}

// Distributor is an auto generated Go binding around an Ethereum contract.
type Distributor struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Distributor) GetABI() abi.ABI {
	return c.abi
}

// NewDistributor creates a new instance of Distributor.
func NewDistributor() *Distributor {
	parsed, err := DistributorMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Distributor{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Distributor) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_) returns()
func (distributor *Distributor) PackConstructor(registry_ common.Address) []byte {
	enc, err := distributor.abi.Pack("", registry_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackEPOCHAPPROVALTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ec5de72.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function EPOCH_APPROVAL_TYPEHASH() view returns(bytes32)
func (distributor *Distributor) PackEPOCHAPPROVALTYPEHASH() []byte {
	enc, err := distributor.abi.Pack("EPOCH_APPROVAL_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEPOCHAPPROVALTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ec5de72.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function EPOCH_APPROVAL_TYPEHASH() view returns(bytes32)
func (distributor *Distributor) TryPackEPOCHAPPROVALTYPEHASH() ([]byte, error) {
	return distributor.abi.Pack("EPOCH_APPROVAL_TYPEHASH")
}

// UnpackEPOCHAPPROVALTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0ec5de72.
//
// Solidity: function EPOCH_APPROVAL_TYPEHASH() view returns(bytes32)
func (distributor *Distributor) UnpackEPOCHAPPROVALTYPEHASH(data []byte) ([32]byte, error) {
	out, err := distributor.abi.Unpack("EPOCH_APPROVAL_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXPROOFLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9df2051.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PROOF_LENGTH() view returns(uint256)
func (distributor *Distributor) PackMAXPROOFLENGTH() []byte {
	enc, err := distributor.abi.Pack("MAX_PROOF_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPROOFLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb9df2051.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PROOF_LENGTH() view returns(uint256)
func (distributor *Distributor) TryPackMAXPROOFLENGTH() ([]byte, error) {
	return distributor.abi.Pack("MAX_PROOF_LENGTH")
}

// UnpackMAXPROOFLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb9df2051.
//
// Solidity: function MAX_PROOF_LENGTH() view returns(uint256)
func (distributor *Distributor) UnpackMAXPROOFLENGTH(data []byte) (*big.Int, error) {
	out, err := distributor.abi.Unpack("MAX_PROOF_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprovalDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b4d9d7d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total) view returns(bytes32)
func (distributor *Distributor) PackApprovalDigest(artifact *big.Int, epoch *big.Int, token common.Address, root [32]byte, total *big.Int) []byte {
	enc, err := distributor.abi.Pack("approvalDigest", artifact, epoch, token, root, total)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprovalDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9b4d9d7d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total) view returns(bytes32)
func (distributor *Distributor) TryPackApprovalDigest(artifact *big.Int, epoch *big.Int, token common.Address, root [32]byte, total *big.Int) ([]byte, error) {
	return distributor.abi.Pack("approvalDigest", artifact, epoch, token, root, total)
}

// UnpackApprovalDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9b4d9d7d.
//
// Solidity: function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total) view returns(bytes32)
func (distributor *Distributor) UnpackApprovalDigest(data []byte) ([32]byte, error) {
	out, err := distributor.abi.Unpack("approvalDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5d4df3bf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] proof) returns()
func (distributor *Distributor) PackClaim(artifact *big.Int, epoch *big.Int, account common.Address, amount *big.Int, proof [][32]byte) []byte {
	enc, err := distributor.abi.Pack("claim", artifact, epoch, account, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5d4df3bf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] proof) returns()
func (distributor *Distributor) TryPackClaim(artifact *big.Int, epoch *big.Int, account common.Address, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return distributor.abi.Pack("claim", artifact, epoch, account, amount, proof)
}

// PackConfigure is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xce417dc1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function configure(uint256 artifact, (address,uint32)[] voters, address publisher) returns()
func (distributor *Distributor) PackConfigure(artifact *big.Int, voters []DistributorVoter, publisher common.Address) []byte {
	enc, err := distributor.abi.Pack("configure", artifact, voters, publisher)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackConfigure is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xce417dc1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function configure(uint256 artifact, (address,uint32)[] voters, address publisher) returns()
func (distributor *Distributor) TryPackConfigure(artifact *big.Int, voters []DistributorVoter, publisher common.Address) ([]byte, error) {
	return distributor.abi.Pack("configure", artifact, voters, publisher)
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (distributor *Distributor) PackEip712Domain() []byte {
	enc, err := distributor.abi.Pack("eip712Domain")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (distributor *Distributor) TryPackEip712Domain() ([]byte, error) {
	return distributor.abi.Pack("eip712Domain")
}

// DistributorEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type DistributorEip712DomainOutput struct {
	Fields            [1]byte
	Name              string
	Version           string
	ChainId           *big.Int
	VerifyingContract common.Address
	Salt              [32]byte
	Extensions        []*big.Int
}

// UnpackEip712Domain is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x84b0196e.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (distributor *Distributor) UnpackEip712Domain(data []byte) (DistributorEip712DomainOutput, error) {
	out, err := distributor.abi.Unpack("eip712Domain", data)
	outstruct := new(DistributorEip712DomainOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Fields = *abi.ConvertType(out[0], new([1]byte)).(*[1]byte)
	outstruct.Name = *abi.ConvertType(out[1], new(string)).(*string)
	outstruct.Version = *abi.ConvertType(out[2], new(string)).(*string)
	outstruct.ChainId = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.VerifyingContract = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Salt = *abi.ConvertType(out[5], new([32]byte)).(*[32]byte)
	outstruct.Extensions = *abi.ConvertType(out[6], new([]*big.Int)).(*[]*big.Int)
	return *outstruct, nil
}

// PackEpochOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf9173d3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function epochOf(uint256 artifact, uint256 epoch) view returns(bytes32 root, address token, uint256 remaining)
func (distributor *Distributor) PackEpochOf(artifact *big.Int, epoch *big.Int) []byte {
	enc, err := distributor.abi.Pack("epochOf", artifact, epoch)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEpochOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf9173d3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function epochOf(uint256 artifact, uint256 epoch) view returns(bytes32 root, address token, uint256 remaining)
func (distributor *Distributor) TryPackEpochOf(artifact *big.Int, epoch *big.Int) ([]byte, error) {
	return distributor.abi.Pack("epochOf", artifact, epoch)
}

// EpochOfOutput serves as a container for the return parameters of contract
// method EpochOf.
type EpochOfOutput struct {
	Root      [32]byte
	Token     common.Address
	Remaining *big.Int
}

// UnpackEpochOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdf9173d3.
//
// Solidity: function epochOf(uint256 artifact, uint256 epoch) view returns(bytes32 root, address token, uint256 remaining)
func (distributor *Distributor) UnpackEpochOf(data []byte) (EpochOfOutput, error) {
	out, err := distributor.abi.Unpack("epochOf", data)
	outstruct := new(EpochOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Root = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Token = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Remaining = abi.ConvertType(out[2], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac53a361.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function governance(uint256 artifact) view returns(bytes32 votersHash, address publisher, uint64 epochs, uint32 totalWeight)
func (distributor *Distributor) PackGovernance(artifact *big.Int) []byte {
	enc, err := distributor.abi.Pack("governance", artifact)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGovernance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xac53a361.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function governance(uint256 artifact) view returns(bytes32 votersHash, address publisher, uint64 epochs, uint32 totalWeight)
func (distributor *Distributor) TryPackGovernance(artifact *big.Int) ([]byte, error) {
	return distributor.abi.Pack("governance", artifact)
}

// GovernanceOutput serves as a container for the return parameters of contract
// method Governance.
type GovernanceOutput struct {
	VotersHash  [32]byte
	Publisher   common.Address
	Epochs      uint64
	TotalWeight uint32
}

// UnpackGovernance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xac53a361.
//
// Solidity: function governance(uint256 artifact) view returns(bytes32 votersHash, address publisher, uint64 epochs, uint32 totalWeight)
func (distributor *Distributor) UnpackGovernance(data []byte) (GovernanceOutput, error) {
	out, err := distributor.abi.Unpack("governance", data)
	outstruct := new(GovernanceOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.VotersHash = *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	outstruct.Publisher = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Epochs = *abi.ConvertType(out[2], new(uint64)).(*uint64)
	outstruct.TotalWeight = *abi.ConvertType(out[3], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x85853dbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isClaimed(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] proof) view returns(bool)
func (distributor *Distributor) PackIsClaimed(artifact *big.Int, epoch *big.Int, account common.Address, amount *big.Int, proof [][32]byte) []byte {
	enc, err := distributor.abi.Pack("isClaimed", artifact, epoch, account, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x85853dbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isClaimed(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] proof) view returns(bool)
func (distributor *Distributor) TryPackIsClaimed(artifact *big.Int, epoch *big.Int, account common.Address, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return distributor.abi.Pack("isClaimed", artifact, epoch, account, amount, proof)
}

// UnpackIsClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x85853dbb.
//
// Solidity: function isClaimed(uint256 artifact, uint256 epoch, address account, uint256 amount, bytes32[] proof) view returns(bool)
func (distributor *Distributor) UnpackIsClaimed(data []byte) (bool, error) {
	out, err := distributor.abi.Unpack("isClaimed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc290d691.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pay(uint256 artifact) payable returns()
func (distributor *Distributor) PackPay(artifact *big.Int) []byte {
	enc, err := distributor.abi.Pack("pay", artifact)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc290d691.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pay(uint256 artifact) payable returns()
func (distributor *Distributor) TryPackPay(artifact *big.Int) ([]byte, error) {
	return distributor.abi.Pack("pay", artifact)
}

// PackPayToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x584b68c9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function payToken(uint256 artifact, address token, uint256 amount) returns()
func (distributor *Distributor) PackPayToken(artifact *big.Int, token common.Address, amount *big.Int) []byte {
	enc, err := distributor.abi.Pack("payToken", artifact, token, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPayToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x584b68c9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function payToken(uint256 artifact, address token, uint256 amount) returns()
func (distributor *Distributor) TryPackPayToken(artifact *big.Int, token common.Address, amount *big.Int) ([]byte, error) {
	return distributor.abi.Pack("payToken", artifact, token, amount)
}

// PackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74e39033.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish(uint256 artifact, address token, bytes32 root, uint256 total, (address,uint32)[] voters, (uint32,bytes)[] approvals) returns(uint256 epoch)
func (distributor *Distributor) PackPublish(artifact *big.Int, token common.Address, root [32]byte, total *big.Int, voters []DistributorVoter, approvals []DistributorApproval) []byte {
	enc, err := distributor.abi.Pack("publish", artifact, token, root, total, voters, approvals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x74e39033.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish(uint256 artifact, address token, bytes32 root, uint256 total, (address,uint32)[] voters, (uint32,bytes)[] approvals) returns(uint256 epoch)
func (distributor *Distributor) TryPackPublish(artifact *big.Int, token common.Address, root [32]byte, total *big.Int, voters []DistributorVoter, approvals []DistributorApproval) ([]byte, error) {
	return distributor.abi.Pack("publish", artifact, token, root, total, voters, approvals)
}

// UnpackPublish is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x74e39033.
//
// Solidity: function publish(uint256 artifact, address token, bytes32 root, uint256 total, (address,uint32)[] voters, (uint32,bytes)[] approvals) returns(uint256 epoch)
func (distributor *Distributor) UnpackPublish(data []byte) (*big.Int, error) {
	out, err := distributor.abi.Unpack("publish", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (distributor *Distributor) PackRegistry() []byte {
	enc, err := distributor.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (distributor *Distributor) TryPackRegistry() ([]byte, error) {
	return distributor.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (distributor *Distributor) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := distributor.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUnallocated is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5099f05.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function unallocated(uint256 artifact, address token) view returns(uint256)
func (distributor *Distributor) PackUnallocated(artifact *big.Int, token common.Address) []byte {
	enc, err := distributor.abi.Pack("unallocated", artifact, token)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUnallocated is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb5099f05.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function unallocated(uint256 artifact, address token) view returns(uint256)
func (distributor *Distributor) TryPackUnallocated(artifact *big.Int, token common.Address) ([]byte, error) {
	return distributor.abi.Pack("unallocated", artifact, token)
}

// UnpackUnallocated is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb5099f05.
//
// Solidity: function unallocated(uint256 artifact, address token) view returns(uint256)
func (distributor *Distributor) UnpackUnallocated(data []byte) (*big.Int, error) {
	out, err := distributor.abi.Unpack("unallocated", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// DistributorClaimed represents a Claimed event raised by the Distributor contract.
type DistributorClaimed struct {
	Artifact *big.Int
	Epoch    *big.Int
	Account  common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DistributorClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (DistributorClaimed) ContractEventName() string {
	return DistributorClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(uint256 indexed artifact, uint256 indexed epoch, address indexed account, uint256 amount)
func (distributor *Distributor) UnpackClaimedEvent(log *types.Log) (*DistributorClaimed, error) {
	event := "Claimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != distributor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DistributorClaimed)
	if len(log.Data) > 0 {
		if err := distributor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range distributor.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DistributorConfigured represents a Configured event raised by the Distributor contract.
type DistributorConfigured struct {
	Artifact    *big.Int
	VotersHash  [32]byte
	TotalWeight uint32
	Publisher   common.Address
	Raw         *types.Log // Blockchain specific contextual infos
}

const DistributorConfiguredEventName = "Configured"

// ContractEventName returns the user-defined event name.
func (DistributorConfigured) ContractEventName() string {
	return DistributorConfiguredEventName
}

// UnpackConfiguredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Configured(uint256 indexed artifact, bytes32 votersHash, uint32 totalWeight, address publisher)
func (distributor *Distributor) UnpackConfiguredEvent(log *types.Log) (*DistributorConfigured, error) {
	event := "Configured"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != distributor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DistributorConfigured)
	if len(log.Data) > 0 {
		if err := distributor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range distributor.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DistributorEIP712DomainChanged represents a EIP712DomainChanged event raised by the Distributor contract.
type DistributorEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const DistributorEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (DistributorEIP712DomainChanged) ContractEventName() string {
	return DistributorEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (distributor *Distributor) UnpackEIP712DomainChangedEvent(log *types.Log) (*DistributorEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != distributor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DistributorEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := distributor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range distributor.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DistributorEpochPublished represents a EpochPublished event raised by the Distributor contract.
type DistributorEpochPublished struct {
	Artifact *big.Int
	Epoch    *big.Int
	Token    common.Address
	Root     [32]byte
	Total    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DistributorEpochPublishedEventName = "EpochPublished"

// ContractEventName returns the user-defined event name.
func (DistributorEpochPublished) ContractEventName() string {
	return DistributorEpochPublishedEventName
}

// UnpackEpochPublishedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EpochPublished(uint256 indexed artifact, uint256 indexed epoch, address token, bytes32 root, uint256 total)
func (distributor *Distributor) UnpackEpochPublishedEvent(log *types.Log) (*DistributorEpochPublished, error) {
	event := "EpochPublished"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != distributor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DistributorEpochPublished)
	if len(log.Data) > 0 {
		if err := distributor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range distributor.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// DistributorPaid represents a Paid event raised by the Distributor contract.
type DistributorPaid struct {
	Artifact *big.Int
	Token    common.Address
	Payer    common.Address
	Amount   *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const DistributorPaidEventName = "Paid"

// ContractEventName returns the user-defined event name.
func (DistributorPaid) ContractEventName() string {
	return DistributorPaidEventName
}

// UnpackPaidEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Paid(uint256 indexed artifact, address indexed token, address indexed payer, uint256 amount)
func (distributor *Distributor) UnpackPaidEvent(log *types.Log) (*DistributorPaid, error) {
	event := "Paid"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != distributor.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(DistributorPaid)
	if len(log.Data) > 0 {
		if err := distributor.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range distributor.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (distributor *Distributor) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], distributor.abi.Errors["AlreadyClaimed"].ID.Bytes()[:4]) {
		return distributor.UnpackAlreadyClaimedError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["AlreadyConfigured"].ID.Bytes()[:4]) {
		return distributor.UnpackAlreadyConfiguredError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ApprovalsOutOfOrder"].ID.Bytes()[:4]) {
		return distributor.UnpackApprovalsOutOfOrderError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["BadApproval"].ID.Bytes()[:4]) {
		return distributor.UnpackBadApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["BadVoters"].ID.Bytes()[:4]) {
		return distributor.UnpackBadVotersError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ECDSAInvalidSignature"].ID.Bytes()[:4]) {
		return distributor.UnpackECDSAInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ECDSAInvalidSignatureLength"].ID.Bytes()[:4]) {
		return distributor.UnpackECDSAInvalidSignatureLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ECDSAInvalidSignatureS"].ID.Bytes()[:4]) {
		return distributor.UnpackECDSAInvalidSignatureSError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["EpochExhausted"].ID.Bytes()[:4]) {
		return distributor.UnpackEpochExhaustedError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["FailedCall"].ID.Bytes()[:4]) {
		return distributor.UnpackFailedCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["InsufficientBalance"].ID.Bytes()[:4]) {
		return distributor.UnpackInsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["InsufficientUnallocated"].ID.Bytes()[:4]) {
		return distributor.UnpackInsufficientUnallocatedError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return distributor.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return distributor.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["NoMajority"].ID.Bytes()[:4]) {
		return distributor.UnpackNoMajorityError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["NotAToken"].ID.Bytes()[:4]) {
		return distributor.UnpackNotATokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["NotArtifactOwner"].ID.Bytes()[:4]) {
		return distributor.UnpackNotArtifactOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["NotConfigured"].ID.Bytes()[:4]) {
		return distributor.UnpackNotConfiguredError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["NotPublisher"].ID.Bytes()[:4]) {
		return distributor.UnpackNotPublisherError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ProofTooLong"].ID.Bytes()[:4]) {
		return distributor.UnpackProofTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ReentrancyGuardReentrantCall"].ID.Bytes()[:4]) {
		return distributor.UnpackReentrancyGuardReentrantCallError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["SafeERC20FailedOperation"].ID.Bytes()[:4]) {
		return distributor.UnpackSafeERC20FailedOperationError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return distributor.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["TotalTooLarge"].ID.Bytes()[:4]) {
		return distributor.UnpackTotalTooLargeError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["UnknownArtifact"].ID.Bytes()[:4]) {
		return distributor.UnpackUnknownArtifactError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["UnknownEpoch"].ID.Bytes()[:4]) {
		return distributor.UnpackUnknownEpochError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["VotersMismatch"].ID.Bytes()[:4]) {
		return distributor.UnpackVotersMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return distributor.UnpackZeroAmountError(raw[4:])
	}
	if bytes.Equal(raw[:4], distributor.abi.Errors["ZeroRoot"].ID.Bytes()[:4]) {
		return distributor.UnpackZeroRootError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// DistributorAlreadyClaimed represents a AlreadyClaimed error raised by the Distributor contract.
type DistributorAlreadyClaimed struct {
	Artifact *big.Int
	Epoch    *big.Int
	Account  common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint256 artifact, uint256 epoch, address account)
func DistributorAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0x7f24ead145b5cc4f962630a056c8bc0c8df48baa7315b5aee7a1a4f885a9fa8b")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint256 artifact, uint256 epoch, address account)
func (distributor *Distributor) UnpackAlreadyClaimedError(raw []byte) (*DistributorAlreadyClaimed, error) {
	out := new(DistributorAlreadyClaimed)
	if err := distributor.abi.UnpackIntoInterface(out, "AlreadyClaimed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorAlreadyConfigured represents a AlreadyConfigured error raised by the Distributor contract.
type DistributorAlreadyConfigured struct {
	Artifact *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyConfigured(uint256 artifact)
func DistributorAlreadyConfiguredErrorID() common.Hash {
	return common.HexToHash("0x338966073338172baa7e7f6430fa53ff9143ea23127d952e33dc01b189c11364")
}

// UnpackAlreadyConfiguredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyConfigured(uint256 artifact)
func (distributor *Distributor) UnpackAlreadyConfiguredError(raw []byte) (*DistributorAlreadyConfigured, error) {
	out := new(DistributorAlreadyConfigured)
	if err := distributor.abi.UnpackIntoInterface(out, "AlreadyConfigured", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorApprovalsOutOfOrder represents a ApprovalsOutOfOrder error raised by the Distributor contract.
type DistributorApprovalsOutOfOrder struct {
	Position *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ApprovalsOutOfOrder(uint256 position)
func DistributorApprovalsOutOfOrderErrorID() common.Hash {
	return common.HexToHash("0x98d5a2fb04c05d31b5a6490f6d96bd1c14eae61375474f8ff43b8f4fb3190a75")
}

// UnpackApprovalsOutOfOrderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ApprovalsOutOfOrder(uint256 position)
func (distributor *Distributor) UnpackApprovalsOutOfOrderError(raw []byte) (*DistributorApprovalsOutOfOrder, error) {
	out := new(DistributorApprovalsOutOfOrder)
	if err := distributor.abi.UnpackIntoInterface(out, "ApprovalsOutOfOrder", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorBadApproval represents a BadApproval error raised by the Distributor contract.
type DistributorBadApproval struct {
	Voter  *big.Int
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadApproval(uint256 voter, address signer)
func DistributorBadApprovalErrorID() common.Hash {
	return common.HexToHash("0x5c12e26b4f4c1c50e5f7a70c9c5e912e93ae6513d81d2f95a5fc71ee92e184b6")
}

// UnpackBadApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadApproval(uint256 voter, address signer)
func (distributor *Distributor) UnpackBadApprovalError(raw []byte) (*DistributorBadApproval, error) {
	out := new(DistributorBadApproval)
	if err := distributor.abi.UnpackIntoInterface(out, "BadApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorBadVoters represents a BadVoters error raised by the Distributor contract.
type DistributorBadVoters struct {
	Artifact *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadVoters(uint256 artifact)
func DistributorBadVotersErrorID() common.Hash {
	return common.HexToHash("0x2ba8262a0dac257bcd90070e1e025bfcd44fcd0a80769f333f9eb13a51d1564b")
}

// UnpackBadVotersError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadVoters(uint256 artifact)
func (distributor *Distributor) UnpackBadVotersError(raw []byte) (*DistributorBadVoters, error) {
	out := new(DistributorBadVoters)
	if err := distributor.abi.UnpackIntoInterface(out, "BadVoters", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorECDSAInvalidSignature represents a ECDSAInvalidSignature error raised by the Distributor contract.
type DistributorECDSAInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignature()
func DistributorECDSAInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0xf645eedf0193584640b6b90cb9477e4c95b98636c148a891d4c0a146dc46e75a")
}

// UnpackECDSAInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignature()
func (distributor *Distributor) UnpackECDSAInvalidSignatureError(raw []byte) (*DistributorECDSAInvalidSignature, error) {
	out := new(DistributorECDSAInvalidSignature)
	if err := distributor.abi.UnpackIntoInterface(out, "ECDSAInvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorECDSAInvalidSignatureLength represents a ECDSAInvalidSignatureLength error raised by the Distributor contract.
type DistributorECDSAInvalidSignatureLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func DistributorECDSAInvalidSignatureLengthErrorID() common.Hash {
	return common.HexToHash("0xfce698f7e8e5342cd615f641317bc45fe7e1e4a8b0a14dd1383ff8dc9c41917f")
}

// UnpackECDSAInvalidSignatureLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureLength(uint256 length)
func (distributor *Distributor) UnpackECDSAInvalidSignatureLengthError(raw []byte) (*DistributorECDSAInvalidSignatureLength, error) {
	out := new(DistributorECDSAInvalidSignatureLength)
	if err := distributor.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorECDSAInvalidSignatureS represents a ECDSAInvalidSignatureS error raised by the Distributor contract.
type DistributorECDSAInvalidSignatureS struct {
	S [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func DistributorECDSAInvalidSignatureSErrorID() common.Hash {
	return common.HexToHash("0xd78bce0cccb935155ed6428d1c13e50b7f3550fd2b66b9fe266006fea4a5e1eb")
}

// UnpackECDSAInvalidSignatureSError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ECDSAInvalidSignatureS(bytes32 s)
func (distributor *Distributor) UnpackECDSAInvalidSignatureSError(raw []byte) (*DistributorECDSAInvalidSignatureS, error) {
	out := new(DistributorECDSAInvalidSignatureS)
	if err := distributor.abi.UnpackIntoInterface(out, "ECDSAInvalidSignatureS", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorEpochExhausted represents a EpochExhausted error raised by the Distributor contract.
type DistributorEpochExhausted struct {
	Remaining *big.Int
	Amount    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EpochExhausted(uint256 remaining, uint256 amount)
func DistributorEpochExhaustedErrorID() common.Hash {
	return common.HexToHash("0xbe73b8cef4aa217d96683fd1fd2beeb1954e145221da00663a9153e1a3498947")
}

// UnpackEpochExhaustedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EpochExhausted(uint256 remaining, uint256 amount)
func (distributor *Distributor) UnpackEpochExhaustedError(raw []byte) (*DistributorEpochExhausted, error) {
	out := new(DistributorEpochExhausted)
	if err := distributor.abi.UnpackIntoInterface(out, "EpochExhausted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorFailedCall represents a FailedCall error raised by the Distributor contract.
type DistributorFailedCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FailedCall()
func DistributorFailedCallErrorID() common.Hash {
	return common.HexToHash("0xd6bda27508c0fb6d8a39b4b122878dab26f731a7d4e4abe711dd3731899052a4")
}

// UnpackFailedCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FailedCall()
func (distributor *Distributor) UnpackFailedCallError(raw []byte) (*DistributorFailedCall, error) {
	out := new(DistributorFailedCall)
	if err := distributor.abi.UnpackIntoInterface(out, "FailedCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorInsufficientBalance represents a InsufficientBalance error raised by the Distributor contract.
type DistributorInsufficientBalance struct {
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func DistributorInsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xcf4791818fba6e019216eb4864093b4947f674afada5d305e57d598b641dad1d")
}

// UnpackInsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBalance(uint256 balance, uint256 needed)
func (distributor *Distributor) UnpackInsufficientBalanceError(raw []byte) (*DistributorInsufficientBalance, error) {
	out := new(DistributorInsufficientBalance)
	if err := distributor.abi.UnpackIntoInterface(out, "InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorInsufficientUnallocated represents a InsufficientUnallocated error raised by the Distributor contract.
type DistributorInsufficientUnallocated struct {
	Available *big.Int
	Total     *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientUnallocated(uint256 available, uint256 total)
func DistributorInsufficientUnallocatedErrorID() common.Hash {
	return common.HexToHash("0x30e44a1dc631adabb2b306c77c389719b76499ca06859b8f42d21e22ab4912ba")
}

// UnpackInsufficientUnallocatedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientUnallocated(uint256 available, uint256 total)
func (distributor *Distributor) UnpackInsufficientUnallocatedError(raw []byte) (*DistributorInsufficientUnallocated, error) {
	out := new(DistributorInsufficientUnallocated)
	if err := distributor.abi.UnpackIntoInterface(out, "InsufficientUnallocated", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorInvalidProof represents a InvalidProof error raised by the Distributor contract.
type DistributorInvalidProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof()
func DistributorInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x09bde339c6b182be216ee7ef8ccff6338c6ef7993445216112ae575c5438fd27")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof()
func (distributor *Distributor) UnpackInvalidProofError(raw []byte) (*DistributorInvalidProof, error) {
	out := new(DistributorInvalidProof)
	if err := distributor.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorInvalidShortString represents a InvalidShortString error raised by the Distributor contract.
type DistributorInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func DistributorInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (distributor *Distributor) UnpackInvalidShortStringError(raw []byte) (*DistributorInvalidShortString, error) {
	out := new(DistributorInvalidShortString)
	if err := distributor.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorNoMajority represents a NoMajority error raised by the Distributor contract.
type DistributorNoMajority struct {
	ApprovedWeight *big.Int
	TotalWeight    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoMajority(uint256 approvedWeight, uint256 totalWeight)
func DistributorNoMajorityErrorID() common.Hash {
	return common.HexToHash("0x56159fd102c7cdbe31f137f5ef86b2eaf71815c67b98008697de56815270d428")
}

// UnpackNoMajorityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoMajority(uint256 approvedWeight, uint256 totalWeight)
func (distributor *Distributor) UnpackNoMajorityError(raw []byte) (*DistributorNoMajority, error) {
	out := new(DistributorNoMajority)
	if err := distributor.abi.UnpackIntoInterface(out, "NoMajority", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorNotAToken represents a NotAToken error raised by the Distributor contract.
type DistributorNotAToken struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAToken(address token)
func DistributorNotATokenErrorID() common.Hash {
	return common.HexToHash("0xf0ae59ab2305e450b7994c131d4d487b62eef4fac72f3b690bc790b01afd51f5")
}

// UnpackNotATokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAToken(address token)
func (distributor *Distributor) UnpackNotATokenError(raw []byte) (*DistributorNotAToken, error) {
	out := new(DistributorNotAToken)
	if err := distributor.abi.UnpackIntoInterface(out, "NotAToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorNotArtifactOwner represents a NotArtifactOwner error raised by the Distributor contract.
type DistributorNotArtifactOwner struct {
	Artifact *big.Int
	Caller   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotArtifactOwner(uint256 artifact, address caller)
func DistributorNotArtifactOwnerErrorID() common.Hash {
	return common.HexToHash("0xcf2d68be9543c71e320441913654e8743b2cf4596e728b2e17393fc527e78be3")
}

// UnpackNotArtifactOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotArtifactOwner(uint256 artifact, address caller)
func (distributor *Distributor) UnpackNotArtifactOwnerError(raw []byte) (*DistributorNotArtifactOwner, error) {
	out := new(DistributorNotArtifactOwner)
	if err := distributor.abi.UnpackIntoInterface(out, "NotArtifactOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorNotConfigured represents a NotConfigured error raised by the Distributor contract.
type DistributorNotConfigured struct {
	Artifact *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotConfigured(uint256 artifact)
func DistributorNotConfiguredErrorID() common.Hash {
	return common.HexToHash("0x9b04588d9a43acf0ec4a832d9a5be7ca7216a847f40807a172a088864c68c6cd")
}

// UnpackNotConfiguredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotConfigured(uint256 artifact)
func (distributor *Distributor) UnpackNotConfiguredError(raw []byte) (*DistributorNotConfigured, error) {
	out := new(DistributorNotConfigured)
	if err := distributor.abi.UnpackIntoInterface(out, "NotConfigured", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorNotPublisher represents a NotPublisher error raised by the Distributor contract.
type DistributorNotPublisher struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPublisher(address caller)
func DistributorNotPublisherErrorID() common.Hash {
	return common.HexToHash("0xe35593b591a96c80d7334157deded924b1ef3d6ded54f820934a20912d1a9d8e")
}

// UnpackNotPublisherError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPublisher(address caller)
func (distributor *Distributor) UnpackNotPublisherError(raw []byte) (*DistributorNotPublisher, error) {
	out := new(DistributorNotPublisher)
	if err := distributor.abi.UnpackIntoInterface(out, "NotPublisher", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorProofTooLong represents a ProofTooLong error raised by the Distributor contract.
type DistributorProofTooLong struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofTooLong(uint256 length)
func DistributorProofTooLongErrorID() common.Hash {
	return common.HexToHash("0xab6a0683de673442c237e2f291e42ffb659bda5a6f0d00bf9679f40fe4813b01")
}

// UnpackProofTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofTooLong(uint256 length)
func (distributor *Distributor) UnpackProofTooLongError(raw []byte) (*DistributorProofTooLong, error) {
	out := new(DistributorProofTooLong)
	if err := distributor.abi.UnpackIntoInterface(out, "ProofTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorReentrancyGuardReentrantCall represents a ReentrancyGuardReentrantCall error raised by the Distributor contract.
type DistributorReentrancyGuardReentrantCall struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ReentrancyGuardReentrantCall()
func DistributorReentrancyGuardReentrantCallErrorID() common.Hash {
	return common.HexToHash("0x3ee5aeb571de7fc460830b4d0017439a1ca56fb0bc39062227ade4fe4a24c1ca")
}

// UnpackReentrancyGuardReentrantCallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ReentrancyGuardReentrantCall()
func (distributor *Distributor) UnpackReentrancyGuardReentrantCallError(raw []byte) (*DistributorReentrancyGuardReentrantCall, error) {
	out := new(DistributorReentrancyGuardReentrantCall)
	if err := distributor.abi.UnpackIntoInterface(out, "ReentrancyGuardReentrantCall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorSafeERC20FailedOperation represents a SafeERC20FailedOperation error raised by the Distributor contract.
type DistributorSafeERC20FailedOperation struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SafeERC20FailedOperation(address token)
func DistributorSafeERC20FailedOperationErrorID() common.Hash {
	return common.HexToHash("0x5274afe73c98b4749fc91ffae6b7b574e7842cb2144a159e9377a5f20b32edf9")
}

// UnpackSafeERC20FailedOperationError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SafeERC20FailedOperation(address token)
func (distributor *Distributor) UnpackSafeERC20FailedOperationError(raw []byte) (*DistributorSafeERC20FailedOperation, error) {
	out := new(DistributorSafeERC20FailedOperation)
	if err := distributor.abi.UnpackIntoInterface(out, "SafeERC20FailedOperation", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorStringTooLong represents a StringTooLong error raised by the Distributor contract.
type DistributorStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func DistributorStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (distributor *Distributor) UnpackStringTooLongError(raw []byte) (*DistributorStringTooLong, error) {
	out := new(DistributorStringTooLong)
	if err := distributor.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorTotalTooLarge represents a TotalTooLarge error raised by the Distributor contract.
type DistributorTotalTooLarge struct {
	Total *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TotalTooLarge(uint256 total)
func DistributorTotalTooLargeErrorID() common.Hash {
	return common.HexToHash("0x91f8bdd2bd81b6367bbafeaa4dcd2289635159e750f4503a519e2665cbe0a158")
}

// UnpackTotalTooLargeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TotalTooLarge(uint256 total)
func (distributor *Distributor) UnpackTotalTooLargeError(raw []byte) (*DistributorTotalTooLarge, error) {
	out := new(DistributorTotalTooLarge)
	if err := distributor.abi.UnpackIntoInterface(out, "TotalTooLarge", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorUnknownArtifact represents a UnknownArtifact error raised by the Distributor contract.
type DistributorUnknownArtifact struct {
	Artifact *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownArtifact(uint256 artifact)
func DistributorUnknownArtifactErrorID() common.Hash {
	return common.HexToHash("0x4d9e1252d60e7e1384c6a46affdde27b73953e5029237ea9f8e325f63e16da09")
}

// UnpackUnknownArtifactError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownArtifact(uint256 artifact)
func (distributor *Distributor) UnpackUnknownArtifactError(raw []byte) (*DistributorUnknownArtifact, error) {
	out := new(DistributorUnknownArtifact)
	if err := distributor.abi.UnpackIntoInterface(out, "UnknownArtifact", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorUnknownEpoch represents a UnknownEpoch error raised by the Distributor contract.
type DistributorUnknownEpoch struct {
	Artifact *big.Int
	Epoch    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownEpoch(uint256 artifact, uint256 epoch)
func DistributorUnknownEpochErrorID() common.Hash {
	return common.HexToHash("0xe51d77f6ecaebc8f7430df5d34e7d12185d2dd0a2f5c1937d26a695da53d3c52")
}

// UnpackUnknownEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownEpoch(uint256 artifact, uint256 epoch)
func (distributor *Distributor) UnpackUnknownEpochError(raw []byte) (*DistributorUnknownEpoch, error) {
	out := new(DistributorUnknownEpoch)
	if err := distributor.abi.UnpackIntoInterface(out, "UnknownEpoch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorVotersMismatch represents a VotersMismatch error raised by the Distributor contract.
type DistributorVotersMismatch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error VotersMismatch()
func DistributorVotersMismatchErrorID() common.Hash {
	return common.HexToHash("0x816f048e7c86fb3574af23f59734526c358a7a83490661689b5f5f433c2f4415")
}

// UnpackVotersMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error VotersMismatch()
func (distributor *Distributor) UnpackVotersMismatchError(raw []byte) (*DistributorVotersMismatch, error) {
	out := new(DistributorVotersMismatch)
	if err := distributor.abi.UnpackIntoInterface(out, "VotersMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorZeroAmount represents a ZeroAmount error raised by the Distributor contract.
type DistributorZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func DistributorZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (distributor *Distributor) UnpackZeroAmountError(raw []byte) (*DistributorZeroAmount, error) {
	out := new(DistributorZeroAmount)
	if err := distributor.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// DistributorZeroRoot represents a ZeroRoot error raised by the Distributor contract.
type DistributorZeroRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroRoot()
func DistributorZeroRootErrorID() common.Hash {
	return common.HexToHash("0xb263ae738e814ca9af6ee56bb85daa47624e790421913c947dcba2aac07cfdbd")
}

// UnpackZeroRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroRoot()
func (distributor *Distributor) UnpackZeroRootError(raw []byte) (*DistributorZeroRoot, error) {
	out := new(DistributorZeroRoot)
	if err := distributor.abi.UnpackIntoInterface(out, "ZeroRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}
