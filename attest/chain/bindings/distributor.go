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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC721\",\"name\":\"registry_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"AlreadyClaimed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"AlreadyConfigured\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"position\",\"type\":\"uint256\"}],\"name\":\"ApprovalsOutOfOrder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"voter\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"BadApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"BadVoters\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ECDSAInvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ECDSAInvalidSignatureLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"s\",\"type\":\"bytes32\"}],\"name\":\"ECDSAInvalidSignatureS\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"EpochExhausted\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"FailedCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"InsufficientUnallocated\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"approvedWeight\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"totalWeight\",\"type\":\"uint256\"}],\"name\":\"NoMajority\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"NotAToken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotArtifactOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"NotConfigured\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NotInEpoch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPublisher\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"ProofTooLong\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ReentrancyGuardReentrantCall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"SafeERC20FailedOperation\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"}],\"name\":\"TotalTooLarge\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"UnknownArtifact\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"}],\"name\":\"UnknownClaimId\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"VotersMismatch\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroRoot\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Claimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"votersHash\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"totalWeight\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"}],\"name\":\"Configured\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256[]\",\"name\":\"budgets\",\"type\":\"uint256[]\"}],\"name\":\"EpochPublished\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"payer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Paid\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"EPOCH_APPROVAL_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PROOF_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"internalType\":\"uint256[]\",\"name\":\"budgets\",\"type\":\"uint256[]\"}],\"name\":\"approvalDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"claim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"w\",\"type\":\"uint256\"}],\"name\":\"claimWord\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"remaining\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimed\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"weight\",\"type\":\"uint32\"}],\"internalType\":\"structDistributor.Voter[]\",\"name\":\"voters\",\"type\":\"tuple[]\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"}],\"name\":\"configure\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"governance\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"votersHash\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"publisher\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"epochs\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"totalWeight\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"isClaimed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"}],\"name\":\"pay\",\"outputs\":[],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"contractIERC20\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"payToken\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"budgets\",\"type\":\"uint256[]\"},{\"components\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"weight\",\"type\":\"uint32\"}],\"internalType\":\"structDistributor.Voter[]\",\"name\":\"voters\",\"type\":\"tuple[]\"},{\"components\":[{\"internalType\":\"uint32\",\"name\":\"voter\",\"type\":\"uint32\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"internalType\":\"structDistributor.Approval[]\",\"name\":\"approvals\",\"type\":\"tuple[]\"}],\"name\":\"publish\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"epoch\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractIERC721\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"artifact\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"unallocated\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"}]",
	ID:  "Distributor",
	Bin: "0x6101808060405234610178576020816121338038038091610020828561017c565b83398101031261017857516001600160a01b03811681036101785760405161004960408261017c565b6012815260208101907130b4b83937bb102234b9ba3934b13aba37b960711b82526040519161007960408461017c565b600183526020830191603160f81b8352610092816101b3565b6101205261009f846101b3565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a0815261010860c08261017c565b5190206080523060c05261016052604051611f14908161021f823960805181611c96015260a05181611d4d015260c05181611c67015260e05181611ce501526101005181611d0b01526101205181610d9e01526101405181610dc7015261016051818181610ec60152611a520152f35b5f80fd5b601f909101601f19168101906001600160401b0382119082101761019f57604052565b634e487b7160e01b5f52604160045260245ffd5b601f8151116101de5760208151910151602082106101cf571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe6080806040526004361015610012575f80fd5b5f3560e01c9081630ec5de7214611448575080631c8c25b6146113ff5780632e7ba6ef146111ea57806352715d77146111a3578063584b68c914610eea5780637b10399914610e9a57806384b0196e14610d8657806392149b4814610d0b578063ac53a36114610ca4578063b5099f0514610c52578063b9df205114610c37578063c290d69114610b9a578063ce417dc11461088b5763e0102594146100b6575f80fd5b346103ee5760c06003193601126103ee576100cf6114a3565b60643567ffffffffffffffff81116103ee576100ef9036906004016114c6565b60849291923567ffffffffffffffff81116103ee57610112903690600401611593565b91909260a43567ffffffffffffffff81116103ee576101359036906004016114c6565b9460443515610863575f945f5b858110610803575085156107db576bffffffffffffffffffffffff86116107af5760405160208101906101a68161017a848a8e61163f565b037fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe081018352826115c4565b519020966004355f52600260205260405f209360018501549273ffffffffffffffffffffffffffffffffffffffff8416998a15806107a6575b6107785767ffffffffffffffff8560a01c169a330361048b575b5050505050506004355f52600360205260405f2073ffffffffffffffffffffffffffffffffffffffff83165f5260205260405f205480851161045b576004355f52600360205260405f2073ffffffffffffffffffffffffffffffffffffffff84165f526020528460405f20910390556001850180861161042e576001907fffffffff0000000000000000ffffffffffffffffffffffffffffffffffffffff7bffffffffffffffff0000000000000000000000000000000000000000838501549260a01b16911617910155600454600167ffffffffffffffff8216019067ffffffffffffffff821161042e5767ffffffffffffffff7fffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000921691829116176004557bffffffffffffffffffffffffffffffffffffffff00000000000000008260401b1617925f5b8381106103f2575073ffffffffffffffffffffffffffffffffffffffff6040519216825260443560208301526040820152608060608201528160808201527f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff82116103ee576040947f60e698b1cd4663047bd218406749304214047c47371159c4959acb07999f85348592859460051b809360a083013760a081600435948101030190a482519182526020820152f35b5f80fd5b80610400600192868a611765565b3561040c575b0161033e565b61041781868a611765565b3560801b610428826044358961182e565b55610406565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b84907f30e44a1d000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b6104a16104a6918b8d8b60443591600435611b02565b611b78565b948654801561074c5760405160208101906104c68161017a8787866116e2565b51902003610724575f9586949385939291905b858710610556575050505050505060e01c907f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8116810361042e57818160011b111561052857808080806101f9565b7f56159fd1000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b9091929394959763ffffffff6105756105708b8a86611bb9565b6116d1565b16958610801561071a575b6106ee576001860180871161042e579561059b8a8985611bb9565b6020810135907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe1813603018212156103ee570180359067ffffffffffffffff82116103ee57602081019082360382136103ee5760405190610624601f85017fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe016602001836115c4565b83825260208436920101116103ee575f6020846106569561064d95838601378301015286611d73565b90929192611dad565b73ffffffffffffffffffffffffffffffffffffffff8061067f61067a858b8b611673565b6116b0565b1691169081036106bf575060019163ffffffff6106ab60206106a56106b2958b8b611673565b016116d1565b1690611632565b98019594939291906104d9565b907f5c12e26b000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b887f98d5a2fb000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5084861015610580565b7f816f048e000000000000000000000000000000000000000000000000000000005f5260045ffd5b7fe35593b5000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b7f9b04588d000000000000000000000000000000000000000000000000000000005f5260043560045260245ffd5b508654156101df565b857f91f8bdd2000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f1f2a2005000000000000000000000000000000000000000000000000000000005f5260045ffd5b9561080f87878b611765565b35906bffffffffffffffffffffffff82116108375760019161083091611632565b9601610142565b507f91f8bdd2000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7fb263ae73000000000000000000000000000000000000000000000000000000005f5260045ffd5b346103ee5760606003193601126103ee5760043560243567ffffffffffffffff81116103ee576108bf903690600401611593565b906108c8611480565b6108d184611a08565b73ffffffffffffffffffffffffffffffffffffffff33911603610b6a57835f52600260205260405f2090815415801590610b47575b610b1b575f9384805b828210610a6957505063ffffffff85118015610a42575b610a16577ff5099311190dff5758598a37e94f9ffb411171e55f6243fabce5eaf42093777f9460609463ffffffff92806109dd57505073ffffffffffffffffffffffffffffffffffffffff60015f955b868155019316928054847bffffffffffffffff00000000000000000000000000000000000000007fffffffff000000000000000000000000000000000000000000000000000000008560e01b169216171790556040519384521660208301526040820152a2005b73ffffffffffffffffffffffffffffffffffffffff9161017a610a0d6001936040519283916020830195866116e2565b51902095610976565b857f2ba8262a000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5080158015610926575073ffffffffffffffffffffffffffffffffffffffff821615610926565b73ffffffffffffffffffffffffffffffffffffffff80610a9061067a85878b9c979c611673565b9216911611801590610afe575b610ad2576001610aca610ab461067a89868a611673565b9263ffffffff6106ab60206106a58c898d611673565b96019061090f565b867f2ba8262a000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5063ffffffff610b1460206106a589868a611673565b1615610a9d565b847f33896607000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b5073ffffffffffffffffffffffffffffffffffffffff6001830154161515610906565b837fcf2d68be000000000000000000000000000000000000000000000000000000005f526004523360245260445ffd5b60206003193601126103ee57600435610bb16118ef565b34156107db57610bc081611a08565b50805f52600360205260405f205f805260205260405f20610be2348254611632565b90555f604051913483527f2a156326ec22774ffa31f45f5f5990405e41eb6fe44e1d600934ab445cf3c0c160203394a45f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d005b346103ee575f6003193601126103ee57602060405160408152f35b346103ee5760406003193601126103ee57610c6b6114a3565b6004355f52600360205273ffffffffffffffffffffffffffffffffffffffff60405f2091165f52602052602060405f2054604051908152f35b346103ee5760206003193601126103ee576004355f526002602052608060405f206001815491015460405191825273ffffffffffffffffffffffffffffffffffffffff8116602083015267ffffffffffffffff8160a01c16604083015260e01c6060820152f35b346103ee5760c06003193601126103ee57610d24611480565b60a4359067ffffffffffffffff82116103ee576104a1610d7e91610d6761017a610d5460209636906004016114c6565b929060405192839189830195869161163f565b519020906084359060643590602435600435611b02565b604051908152f35b346103ee575f6003193601126103ee57610e3e610dc27f0000000000000000000000000000000000000000000000000000000000000000611bf9565b610deb7f0000000000000000000000000000000000000000000000000000000000000000611bf9565b6020610e4c60405192610dfe83856115c4565b5f84525f3681376040519586957f0f00000000000000000000000000000000000000000000000000000000000000875260e08588015260e0870190611550565b908582036040870152611550565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b828110610e8357505050500390f35b835185528695509381019392810192600101610e74565b346103ee575f6003193601126103ee57602060405173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000168152f35b346103ee5760606003193601126103ee5760243573ffffffffffffffffffffffffffffffffffffffff81166004358183036103ee5760443592610f2b6118ef565b82156111775783156107db57610f4082611a08565b50604051907f70a08231000000000000000000000000000000000000000000000000000000008252306004830152602082602481875afa9182156110ed575f92611143575b50604051947f23b872dd000000000000000000000000000000000000000000000000000000005f52336004523060245260445260205f60648180855af19060015f5114821615611124575b50846040525f606052156110f8577f70a08231000000000000000000000000000000000000000000000000000000008452306004850152602084602481865afa9384156110ed575f946110b9575b508084039380851161042e57146107db57805f52600360205260405f2073ffffffffffffffffffffffffffffffffffffffff83165f5260205260405f20611066848254611632565b90556040519283527f2a156326ec22774ffa31f45f5f5990405e41eb6fe44e1d600934ab445cf3c0c160203394a45f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d005b9093506020813d6020116110e5575b816110d5602093836115c4565b810103126103ee5751928461101e565b3d91506110c8565b6040513d5f823e3d90fd5b827f5274afe7000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b600182151661113a573b15153d15161685610fd0565b853d5f823e3d90fd5b9091506020813d60201161116f575b8161115f602093836115c4565b810103126103ee57519085610f85565b3d9150611152565b827ff0ae59ab000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b346103ee5760606003193601126103ee5760406111c760443560243560043561182e565b546fffffffffffffffffffffffffffffffff8251918060801c8352166020820152f35b346103ee576112206112136111fe366114f7565b9061120c95929493956118ef565b8486611775565b94908560071c908361182e565b80549485156113f957607f600191161b8086166113b3578560801c80851161138357846fffffffffffffffffffffffffffffffff73ffffffffffffffffffffffffffffffffffffffff96979816910360801b17179055807f4ec90e965519d92681267467f775ada5bd214aa92c0dc93d90a5e880ce9ed0266040848151971696878152866020820152a260401c1691826112e3576112be9250611963565b5f7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d005b90604051917fa9059cbb000000000000000000000000000000000000000000000000000000005f5260045260245260205f60448180865af19060015f5114821615611362575b6040521561133757506112be565b7f5274afe7000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b90600181151661137a57823b15153d15161690611329565b503d5f823e3d90fd5b84907fbe73b8ce000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b73ffffffffffffffffffffffffffffffffffffffff85847fa9214540000000000000000000000000000000000000000000000000000000005f526004521660245260445ffd5b82611859565b346103ee5761141f61142c611413366114f7565b92959395919091611775565b91908260071c908461182e565b5480156113f957602092506001607f60405193161b1615158152f35b346103ee575f6003193601126103ee57807f92c18a55ee59301eb345aebfebc0c44e1d4df8333f36ccd2f0a860af811bdc9460209252f35b6044359073ffffffffffffffffffffffffffffffffffffffff821682036103ee57565b6024359073ffffffffffffffffffffffffffffffffffffffff821682036103ee57565b9181601f840112156103ee5782359167ffffffffffffffff83116103ee576020808501948460051b0101116103ee57565b9060806003198301126103ee576004359160243573ffffffffffffffffffffffffffffffffffffffff811681036103ee5791604435916064359067ffffffffffffffff82116103ee5761154c916004016114c6565b9091565b907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0601f602080948051918291828752018686015e5f8582860101520116010190565b9181601f840112156103ee5782359167ffffffffffffffff83116103ee576020808501948460061b0101116103ee57565b90601f7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0910116810190811067ffffffffffffffff82111761160557604052565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b9190820180921161042e57565b91907f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81116103ee5760051b809282370190565b91908110156116835760061b0190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b3573ffffffffffffffffffffffffffffffffffffffff811681036103ee5790565b3563ffffffff811681036103ee5790565b60208082528101839052604001915f905b8082106117005750505090565b909192833573ffffffffffffffffffffffffffffffffffffffff811681036103ee5773ffffffffffffffffffffffffffffffffffffffff16815260208401359063ffffffff82168092036103ee576040816001936020839401520194019201906116f3565b91908110156116835760051b0190565b919392905f92604083116118025773ffffffffffffffffffffffffffffffffffffffff165f5260205260405f205f5260205f20935f905b8282106117bd5750506001901b1790565b9094926117cb868484611765565b3590818510156117ef576001871b17935f52602052600160405f20955b01906117ac565b93905f52602052600160405f20956117e8565b827fab6a0683000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b91604051916020830193845260408301526060820152606081526118536080826115c4565b51902090565b67ffffffffffffffff811680159081156118d9575b5080156118cd575b6118a2577f6f990b7b000000000000000000000000000000000000000000000000000000005f5260045ffd5b7f67554321000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b508060e01c1515611876565b905067ffffffffffffffff60045416105f61186e565b7f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005c61193b5760017f9b779b17422d0df92223018b32b4d1fa46e071723d6817e2486d003becc55f005d565b7f3ee5aeb5000000000000000000000000000000000000000000000000000000005f5260045ffd5b8147106119d8575f80809373ffffffffffffffffffffffffffffffffffffffff8294836040516119946020826115c4565b52165af11561199f57565b3d156119b0576040513d5f823e3d90fd5b7fd6bda275000000000000000000000000000000000000000000000000000000005f5260045ffd5b50477fcf479181000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b906040517f6352211e00000000000000000000000000000000000000000000000000000000815282600482015260208160248173ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000165afa5f9181611ab1575b50611aad57827f4d9e1252000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b9150565b9091506020813d602011611afa575b81611acd602093836115c4565b810103126103ee575173ffffffffffffffffffffffffffffffffffffffff811681036103ee57905f611a7c565b3d9150611ac0565b949290939173ffffffffffffffffffffffffffffffffffffffff906040519560208701977f92c18a55ee59301eb345aebfebc0c44e1d4df8333f36ccd2f0a860af811bdc9489526040880152606087015216608085015260a084015260c083015260e082015260e08152611853610100826115c4565b604290611b83611c50565b90604051917f19010000000000000000000000000000000000000000000000000000000000008352600283015260228201522090565b91908110156116835760051b810135907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffc1813603018212156103ee570190565b60ff811690601f8211611c285760405191611c156040846115c4565b6020808452838101919036833783525290565b7fb3512b0c000000000000000000000000000000000000000000000000000000005f5260045ffd5b73ffffffffffffffffffffffffffffffffffffffff7f000000000000000000000000000000000000000000000000000000000000000016301480611d4a575b15611cb8577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a0815261185360c0826115c4565b507f00000000000000000000000000000000000000000000000000000000000000004614611c8f565b8151919060418303611da357611d9c9250602082015190606060408401519301515f1a90611e85565b9192909190565b50505f9160029190565b6004811015611e585780611dbf575050565b60018103611def577ff645eedf000000000000000000000000000000000000000000000000000000005f5260045ffd5b60028103611e2357507ffce698f7000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b600314611e2d5750565b7fd78bce0c000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a08411611f09579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa156110ed575f5173ffffffffffffffffffffffffffffffffffffffff811615611eff57905f905f90565b505f906001905f90565b5050505f916003919056",
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
// the contract method with ID 0x92149b48.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total, uint256[] budgets) view returns(bytes32)
func (distributor *Distributor) PackApprovalDigest(artifact *big.Int, epoch *big.Int, token common.Address, root [32]byte, total *big.Int, budgets []*big.Int) []byte {
	enc, err := distributor.abi.Pack("approvalDigest", artifact, epoch, token, root, total, budgets)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprovalDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x92149b48.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total, uint256[] budgets) view returns(bytes32)
func (distributor *Distributor) TryPackApprovalDigest(artifact *big.Int, epoch *big.Int, token common.Address, root [32]byte, total *big.Int, budgets []*big.Int) ([]byte, error) {
	return distributor.abi.Pack("approvalDigest", artifact, epoch, token, root, total, budgets)
}

// UnpackApprovalDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x92149b48.
//
// Solidity: function approvalDigest(uint256 artifact, uint256 epoch, address token, bytes32 root, uint256 total, uint256[] budgets) view returns(bytes32)
func (distributor *Distributor) UnpackApprovalDigest(data []byte) ([32]byte, error) {
	out, err := distributor.abi.Unpack("approvalDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e7ba6ef.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claim(uint256 claimId, address account, uint256 amount, bytes32[] proof) returns()
func (distributor *Distributor) PackClaim(claimId *big.Int, account common.Address, amount *big.Int, proof [][32]byte) []byte {
	enc, err := distributor.abi.Pack("claim", claimId, account, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e7ba6ef.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claim(uint256 claimId, address account, uint256 amount, bytes32[] proof) returns()
func (distributor *Distributor) TryPackClaim(claimId *big.Int, account common.Address, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return distributor.abi.Pack("claim", claimId, account, amount, proof)
}

// PackClaimWord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x52715d77.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimWord(uint256 claimId, bytes32 root, uint256 w) view returns(uint256 remaining, uint256 claimed)
func (distributor *Distributor) PackClaimWord(claimId *big.Int, root [32]byte, w *big.Int) []byte {
	enc, err := distributor.abi.Pack("claimWord", claimId, root, w)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimWord is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x52715d77.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimWord(uint256 claimId, bytes32 root, uint256 w) view returns(uint256 remaining, uint256 claimed)
func (distributor *Distributor) TryPackClaimWord(claimId *big.Int, root [32]byte, w *big.Int) ([]byte, error) {
	return distributor.abi.Pack("claimWord", claimId, root, w)
}

// ClaimWordOutput serves as a container for the return parameters of contract
// method ClaimWord.
type ClaimWordOutput struct {
	Remaining *big.Int
	Claimed   *big.Int
}

// UnpackClaimWord is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x52715d77.
//
// Solidity: function claimWord(uint256 claimId, bytes32 root, uint256 w) view returns(uint256 remaining, uint256 claimed)
func (distributor *Distributor) UnpackClaimWord(data []byte) (ClaimWordOutput, error) {
	out, err := distributor.abi.Unpack("claimWord", data)
	outstruct := new(ClaimWordOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Remaining = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Claimed = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
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
// the contract method with ID 0x1c8c25b6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isClaimed(uint256 claimId, address account, uint256 amount, bytes32[] proof) view returns(bool)
func (distributor *Distributor) PackIsClaimed(claimId *big.Int, account common.Address, amount *big.Int, proof [][32]byte) []byte {
	enc, err := distributor.abi.Pack("isClaimed", claimId, account, amount, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsClaimed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1c8c25b6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isClaimed(uint256 claimId, address account, uint256 amount, bytes32[] proof) view returns(bool)
func (distributor *Distributor) TryPackIsClaimed(claimId *big.Int, account common.Address, amount *big.Int, proof [][32]byte) ([]byte, error) {
	return distributor.abi.Pack("isClaimed", claimId, account, amount, proof)
}

// UnpackIsClaimed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1c8c25b6.
//
// Solidity: function isClaimed(uint256 claimId, address account, uint256 amount, bytes32[] proof) view returns(bool)
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
// the contract method with ID 0xe0102594.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function publish(uint256 artifact, address token, bytes32 root, uint256[] budgets, (address,uint32)[] voters, (uint32,bytes)[] approvals) returns(uint256 epoch, uint256 claimId)
func (distributor *Distributor) PackPublish(artifact *big.Int, token common.Address, root [32]byte, budgets []*big.Int, voters []DistributorVoter, approvals []DistributorApproval) []byte {
	enc, err := distributor.abi.Pack("publish", artifact, token, root, budgets, voters, approvals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPublish is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe0102594.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function publish(uint256 artifact, address token, bytes32 root, uint256[] budgets, (address,uint32)[] voters, (uint32,bytes)[] approvals) returns(uint256 epoch, uint256 claimId)
func (distributor *Distributor) TryPackPublish(artifact *big.Int, token common.Address, root [32]byte, budgets []*big.Int, voters []DistributorVoter, approvals []DistributorApproval) ([]byte, error) {
	return distributor.abi.Pack("publish", artifact, token, root, budgets, voters, approvals)
}

// PublishOutput serves as a container for the return parameters of contract
// method Publish.
type PublishOutput struct {
	Epoch   *big.Int
	ClaimId *big.Int
}

// UnpackPublish is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe0102594.
//
// Solidity: function publish(uint256 artifact, address token, bytes32 root, uint256[] budgets, (address,uint32)[] voters, (uint32,bytes)[] approvals) returns(uint256 epoch, uint256 claimId)
func (distributor *Distributor) UnpackPublish(data []byte) (PublishOutput, error) {
	out, err := distributor.abi.Unpack("publish", data)
	outstruct := new(PublishOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Epoch = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.ClaimId = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
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
	ClaimId *big.Int
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const DistributorClaimedEventName = "Claimed"

// ContractEventName returns the user-defined event name.
func (DistributorClaimed) ContractEventName() string {
	return DistributorClaimedEventName
}

// UnpackClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Claimed(uint256 indexed claimId, address account, uint256 amount)
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
	ClaimId  *big.Int
	Token    common.Address
	Root     [32]byte
	Total    *big.Int
	Budgets  []*big.Int
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
// Solidity: event EpochPublished(uint256 indexed artifact, uint256 indexed epoch, uint256 indexed claimId, address token, bytes32 root, uint256 total, uint256[] budgets)
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
	if bytes.Equal(raw[:4], distributor.abi.Errors["NotInEpoch"].ID.Bytes()[:4]) {
		return distributor.UnpackNotInEpochError(raw[4:])
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
	if bytes.Equal(raw[:4], distributor.abi.Errors["UnknownClaimId"].ID.Bytes()[:4]) {
		return distributor.UnpackUnknownClaimIdError(raw[4:])
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
	ClaimId *big.Int
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyClaimed(uint256 claimId, address account)
func DistributorAlreadyClaimedErrorID() common.Hash {
	return common.HexToHash("0xa9214540dbdab41c9e79b3f2188acea45d13e6ac15f24990e9f6ddf7cc0e4180")
}

// UnpackAlreadyClaimedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyClaimed(uint256 claimId, address account)
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

// DistributorNotInEpoch represents a NotInEpoch error raised by the Distributor contract.
type DistributorNotInEpoch struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotInEpoch()
func DistributorNotInEpochErrorID() common.Hash {
	return common.HexToHash("0x6f990b7bfabd1d3d392ed28dddd76ee13eee4aa393f1e5b1228a843c7944b275")
}

// UnpackNotInEpochError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotInEpoch()
func (distributor *Distributor) UnpackNotInEpochError(raw []byte) (*DistributorNotInEpoch, error) {
	out := new(DistributorNotInEpoch)
	if err := distributor.abi.UnpackIntoInterface(out, "NotInEpoch", raw); err != nil {
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

// DistributorUnknownClaimId represents a UnknownClaimId error raised by the Distributor contract.
type DistributorUnknownClaimId struct {
	ClaimId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownClaimId(uint256 claimId)
func DistributorUnknownClaimIdErrorID() common.Hash {
	return common.HexToHash("0x6755432180637e9bdc5d7d4ae517cd33cc553b98e5c64e093908b12a1c48a61c")
}

// UnpackUnknownClaimIdError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownClaimId(uint256 claimId)
func (distributor *Distributor) UnpackUnknownClaimIdError(raw []byte) (*DistributorUnknownClaimId, error) {
	out := new(DistributorUnknownClaimId)
	if err := distributor.abi.UnpackIntoInterface(out, "UnknownClaimId", raw); err != nil {
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
