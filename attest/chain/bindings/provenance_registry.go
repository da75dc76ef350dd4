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

// ProvenanceRegistryManifestAttestation is an auto generated low-level Go binding around an user-defined struct.
type ProvenanceRegistryManifestAttestation struct {
	ManifestDigest [32]byte
	SubjectDigest  [32]byte
	SubjectSize    uint64
	Created        uint64
	Parents        [][32]byte
	RoyaltyShare   uint32
}

// ProvenanceRegistryMetaData contains all meta data concerning the ProvenanceRegistry contract.
var ProvenanceRegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"AlreadyRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"BatchAlreadyAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"BatchNotAnchored\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"EmptyRoot\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidProof\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidShortString\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"InvalidSignature\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"parent\",\"type\":\"uint256\"}],\"name\":\"ParentNotRegistered\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"}],\"name\":\"ParentsNotAscending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint32\",\"name\":\"share\",\"type\":\"uint32\"},{\"internalType\":\"uint32\",\"name\":\"max\",\"type\":\"uint32\"}],\"name\":\"RoyaltyShareTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"str\",\"type\":\"string\"}],\"name\":\"StringTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"max\",\"type\":\"uint256\"}],\"name\":\"TooManyParents\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroDigest\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroOwner\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"BatchAnchored\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[],\"name\":\"EIP712DomainChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"parent\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"child\",\"type\":\"uint256\"}],\"name\":\"Linked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"batchRoot\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"subjectDigest\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"bytes32[]\",\"name\":\"parents\",\"type\":\"bytes32[]\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"royaltyShare\",\"type\":\"uint32\"}],\"name\":\"Registered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"BATCH_LEAF_ENCODING\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MANIFEST_ATTESTATION_TYPEHASH\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PARENTS\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SHARE_WHOLE\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"}],\"name\":\"anchorBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"manifestDigest\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"subjectDigest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"subjectSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"created\",\"type\":\"uint64\"},{\"internalType\":\"bytes32[]\",\"name\":\"parents\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint32\",\"name\":\"royaltyShare\",\"type\":\"uint32\"}],\"internalType\":\"structProvenanceRegistry.ManifestAttestation\",\"name\":\"a\",\"type\":\"tuple\"}],\"name\":\"attestationHash\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"structHash\",\"type\":\"bytes32\"}],\"name\":\"batchLeaf\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"}],\"name\":\"batchOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"anchorer\",\"type\":\"address\"},{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"eip712Domain\",\"outputs\":[{\"internalType\":\"bytes1\",\"name\":\"fields\",\"type\":\"bytes1\"},{\"internalType\":\"string\",\"name\":\"name\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"version\",\"type\":\"string\"},{\"internalType\":\"uint256\",\"name\":\"chainId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"verifyingContract\",\"type\":\"address\"},{\"internalType\":\"bytes32\",\"name\":\"salt\",\"type\":\"bytes32\"},{\"internalType\":\"uint256[]\",\"name\":\"extensions\",\"type\":\"uint256[]\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"manifestDigest\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"subjectDigest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"subjectSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"created\",\"type\":\"uint64\"},{\"internalType\":\"bytes32[]\",\"name\":\"parents\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint32\",\"name\":\"royaltyShare\",\"type\":\"uint32\"}],\"internalType\":\"structProvenanceRegistry.ManifestAttestation\",\"name\":\"a\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"isInBatch\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"manifestDigest\",\"type\":\"bytes32\"}],\"name\":\"isRegistered\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"recordOf\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"blockNumber\",\"type\":\"uint64\"},{\"internalType\":\"uint32\",\"name\":\"royaltyShare\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"manifestDigest\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"subjectDigest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"subjectSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"created\",\"type\":\"uint64\"},{\"internalType\":\"bytes32[]\",\"name\":\"parents\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint32\",\"name\":\"royaltyShare\",\"type\":\"uint32\"}],\"internalType\":\"structProvenanceRegistry.ManifestAttestation\",\"name\":\"a\",\"type\":\"tuple\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"signature\",\"type\":\"bytes\"}],\"name\":\"register\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"root\",\"type\":\"bytes32\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"components\":[{\"internalType\":\"bytes32\",\"name\":\"manifestDigest\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"subjectDigest\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"subjectSize\",\"type\":\"uint64\"},{\"internalType\":\"uint64\",\"name\":\"created\",\"type\":\"uint64\"},{\"internalType\":\"bytes32[]\",\"name\":\"parents\",\"type\":\"bytes32[]\"},{\"internalType\":\"uint32\",\"name\":\"royaltyShare\",\"type\":\"uint32\"}],\"internalType\":\"structProvenanceRegistry.ManifestAttestation\",\"name\":\"a\",\"type\":\"tuple\"},{\"internalType\":\"bytes32[]\",\"name\":\"proof\",\"type\":\"bytes32[]\"}],\"name\":\"registerFromBatch\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"salePrice\",\"type\":\"uint256\"}],\"name\":\"royaltyInfo\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"royaltyAmount\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "ProvenanceRegistry",
	Bin: "0x6101606040523461043c57604051610018604082610440565b6006815260208101906530b4b83937bb60d11b82526040519161003c604084610440565b600183526020830191603160f81b835260405161005a604082610440565b6011815270616970726f762070726f76656e616e636560781b602082015260405190610087604083610440565b600682526520a4a82927ab60d11b60208301528051906001600160401b03821161033b575f5490600182811c92168015610432575b602083101461031d5781601f8493116103bd575b50602090601f831160011461035a575f9261034f575b50508160011b915f199060031b1c1916175f555b8051906001600160401b03821161033b5760015490600182811c92168015610331575b602083101461031d5781601f8493116102a7575b50602090601f8311600114610241575f92610236575b50508160011b915f199060031b1c1916176001555b61016581610463565b6101205261017284610463565b61014052519020918260e05251902080610100524660a0526040519060208201927f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f8452604083015260608201524660808201523060a082015260a081526101db60c082610440565b5190206080523060c0526040516126ab90816104cf823960805181612534015260a051816125eb015260c05181612505015260e05181612583015261010051816125a901526101205181610f8201526101405181610fab0152f35b015190505f80610147565b60015f9081528281209350601f198516905b81811061028f5750908460019594939210610277575b505050811b0160015561015c565b01515f1960f88460031b161c191690555f8080610269565b92936020600181928786015181550195019301610253565b828111156101315760015f52909150601f830160051c7fb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf660208510610315575b849392601f0160051c82900391015f5b828110610305575050610131565b5f818301558594506001016102f7565b5f91506102e7565b634e487b7160e01b5f52602260045260245ffd5b91607f169161011d565b634e487b7160e01b5f52604160045260245ffd5b015190505f806100e6565b5f8080528281209350601f198516905b8181106103a5575090846001959493921061038d575b505050811b015f556100fa565b01515f1960f88460031b161c191690555f8080610380565b9293602060018192878601518155019501930161036a565b828111156100d0575f8052909150601f830160051c7f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e5636020851061042a575b849392601f0160051c82900391015f5b82811061041a5750506100d0565b5f8183015585945060010161040c565b5f91506103fc565b91607f16916100bc565b5f80fd5b601f909101601f19168101906001600160401b0382119082101761033b57604052565b601f81511161048e57602081519101516020821061047f571790565b5f198260200360031b1b161790565b604460209160405192839163305a27a960e01b83528160048401528051918291826024860152018484015e5f828201840152601f01601f19168101030190fdfe6080806040526004361015610012575f80fd5b5f3560e01c90816301ffc9a7146118dc5750806306fdde0314611824578063081812fc146117da578063095ea7b31461167c57806323b872dd1461166557806327258b22146116235780632a55205a146115b157806342842e0e146115885780634dfcd5cc1461154e57806355d742e4146114ec5780636352211e146114b05780636f4c1a721461145157806370a08231146113da5780637cdb64a61461107e57806384b0196e14610f6a57806395d89b4114610e2b57806397d4c44314610e0f5780639a1d0d4114610c92578063a22cb46514610b81578063aee0573214610b18578063b88d4fde14610ab6578063c87b56dd146107ea578063d1e3956a146107c3578063ddfe5f7714610252578063df312f591461022c578063e7319f59146101e5578063e985e9c5146101725763f91d37ad14610150575f80fd5b3461016e575f60031936011261016e5760206040516305f5e1008152f35b5f80fd5b3461016e57604060031936011261016e5761018b611a03565b73ffffffffffffffffffffffffffffffffffffffff6101a8611a26565b91165f52600560205273ffffffffffffffffffffffffffffffffffffffff60405f2091165f52602052602060ff60405f2054166040519015158152f35b3461016e57602060031936011261016e5760043567ffffffffffffffff811161016e5760c0600319823603011261016e57610224602091600401612365565b604051908152f35b3461016e57602061024861023f36611b25565b93929092612095565b6040519015158152f35b3461016e57606060031936011261016e5760043567ffffffffffffffff811161016e578060040160c0600319833603011261016e5761028f611a26565b9060443567ffffffffffffffff811161016e573660238201121561016e57806004013567ffffffffffffffff811161016e57366024828401011161016e5761032561032b9260426102df86612365565b6102e76124ee565b90604051917f190100000000000000000000000000000000000000000000000000000000000083526002830152602282015220926024369201611bc1565b9061245d565b506004811015610796571590811591610772575b508015610754575b61072c57803591821561070457825f52600260205273ffffffffffffffffffffffffffffffffffffffff60405f205416806106d5575060a484016305f5e10063ffffffff6103948361229d565b16116106935760848501926103a984826122ae565b90506101008111610662575f90815b818310610582575050506103cb8261229d565b604051906103d882611a9d565b67ffffffffffffffff4316825263ffffffff6020830191168152865f52600860205267ffffffffffffffff60405f209251167fffffffffffffffffffffffffffffffffffffffff0000000000000000000000006bffffffff00000000000000008454935160401b1692161717905573ffffffffffffffffffffffffffffffffffffffff8316928315610556576104838673ffffffffffffffffffffffffffffffffffffffff92612188565b1661052a5761049d93610495916122ae565b93909161229d565b9060246040519601358652606060208701528360608701527f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff841161016e578560806020977f16fa506d340cc9dbb841e4d4e309bce266fb288853c037650961b9f3f2d002649363ffffffff89965f9960051b8093868601371660408301528101030190a4604051908152f35b7f73c6ac6e000000000000000000000000000000000000000000000000000000005f525f60045260245ffd5b7f64a0ae92000000000000000000000000000000000000000000000000000000005f525f60045260245ffd5b6105968361059089876122ae565b90612302565b35908315159081610657575b5061062b57805f52600260205273ffffffffffffffffffffffffffffffffffffffff60405f205416156106005780886001927f5c5cd575fdb16d05d1dfa7c30de22f36a5a1ecee8a750071b8f5d54485a211895f80a39201916103b8565b7fa3bce6dd000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b827f8e2358b2000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b90508111158a6105a2565b7f42db51c1000000000000000000000000000000000000000000000000000000005f5260045261010060245260445ffd5b6106a163ffffffff9161229d565b7f1bc66caa000000000000000000000000000000000000000000000000000000005f52166004526305f5e10060245260445ffd5b837f8015494f000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b7f506f3a1b000000000000000000000000000000000000000000000000000000005f5260045ffd5b7f8baa579f000000000000000000000000000000000000000000000000000000005f5260045ffd5b5073ffffffffffffffffffffffffffffffffffffffff821615610347565b905073ffffffffffffffffffffffffffffffffffffffff808416911614158461033f565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602160045260245ffd5b3461016e57604060031936011261016e5760206102246107e1611a03565b6024359061203d565b3461016e57602060031936011261016e576004356108078161212f565b50604051907f01711220000000000000000000000000000000000000000000000000000000006020830152602482015260248152610846604482611ae6565b60408051916108558284611ae6565b602083527f6162636465666768696a6b6c6d6e6f707172737475767778797a323334353637602084015280518060031b90808204600814901517156109b357600481018091116109b35760059004926108c56108b085611b09565b946108bd85519687611ae6565b808652611b09565b91601f196020860193013684375f9283918291825b82518510156109e0576108ed858461233f565b5160f81c9060081b1792600881018091116109b357935b60058510156109175760010193926108da565b7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffb85019485116109b3577fff00000000000000000000000000000000000000000000000000000000000000610971601f86881c168861233f565b511696807fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81146109b35760016109ad9101985f1a918b61233f565b53610904565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52601160045260245ffd5b9291509594925080610a56575b610a528686610a4060288b83519485917f697066733a2f2f6200000000000000000000000000000000000000000000000060208401525180918484015e81015f838201520301601f198101845283611ae6565b519182916020835260208301906119de565b0390f35b600596919293960392600584116109b357610aae7fff00000000000000000000000000000000000000000000000000000000000000610aa3610a5299601f602897610a40991b169061233f565b51165f1a918361233f565b5394866109ed565b3461016e57608060031936011261016e57610acf611a03565b610ad7611a26565b6064359167ffffffffffffffff831161016e573660238401121561016e57610b0c610b16933690602481600401359101611bc1565b9160443591611e61565b005b3461016e57602060031936011261016e576004355f5260096020526040805f206020825191610b4683611a9d565b549167ffffffffffffffff73ffffffffffffffffffffffffffffffffffffffff84169384835260a01c16918291015282519182526020820152f35b3461016e57604060031936011261016e57610b9a611a03565b6024359081151580920361016e573315610c665773ffffffffffffffffffffffffffffffffffffffff16908115610c3a57335f52600560205260405f20825f5260205260405f207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0081541660ff83161790556040519081527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c3160203392a3005b507f5b08ba18000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7fa9fbf51f000000000000000000000000000000000000000000000000000000005f525f60045260245ffd5b3461016e57604060031936011261016e576004358015610de757805f52600960205273ffffffffffffffffffffffffffffffffffffffff60405f205416610dbc57604051610cdf81611a9d565b3381526020810167ffffffffffffffff43168152825f52600960205273ffffffffffffffffffffffffffffffffffffffff8060405f20935116167fffffffffffffffffffffffff0000000000000000000000000000000000000000835416178255517fffffffff0000000000000000ffffffffffffffffffffffffffffffffffffffff7bffffffffffffffff000000000000000000000000000000000000000083549260a01b1691161790556040519060243582527f92f27e0b06314c4bbef5c446dc099f5b69313aaf6bcfb43e0f6a2f4aa7b2e1db60203393a3005b7f213d8d34000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f53ce4ece000000000000000000000000000000000000000000000000000000005f5260045ffd5b3461016e575f60031936011261016e5760206040516101008152f35b3461016e575f60031936011261016e576040515f6001548060011c90600181168015610f60575b602083108114610f3357828552908115610ef15750600114610e93575b610a5283610e7f81850382611ae6565b6040519182916020835260208301906119de565b91905060015f527fb10e2d527612073b26eecdfd717e6a320cf44b4afac2b0732d9fcbe2b7fa0cf6915f905b808210610ed757509091508101602001610e7f610e6f565b919260018160209254838588010152019101909291610ebf565b7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff001660208086019190915291151560051b84019091019150610e7f9050610e6f565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52602260045260245ffd5b91607f1691610e52565b3461016e575f60031936011261016e57611022610fa67f0000000000000000000000000000000000000000000000000000000000000000612497565b610fcf7f0000000000000000000000000000000000000000000000000000000000000000612497565b602061103060405192610fe28385611ae6565b5f84525f3681376040519586957f0f00000000000000000000000000000000000000000000000000000000000000875260e08588015260e08701906119de565b9085820360408701526119de565b4660608501523060808501525f60a085015283810360c08501528180845192838152019301915f5b82811061106757505050500390f35b835185528695509381019392810192600101611058565b3461016e5761109c61108f36611b25565b9082848695979496612095565b1561135f5773ffffffffffffffffffffffffffffffffffffffff8316801561133757823592831561070457835f52600260205273ffffffffffffffffffffffffffffffffffffffff60405f20541680611308575060a081016305f5e10063ffffffff6111078361229d565b161161069357608082019561111c87846122ae565b905061010081116106625786905f90815b81831061127f575050506111da9073ffffffffffffffffffffffffffffffffffffffff9261115a8561229d565b6040519061116782611a9d565b67ffffffffffffffff4316825263ffffffff6020830191168152835f52600860205267ffffffffffffffff60405f209251167fffffffffffffffffffffffffffffffffffffffff0000000000000000000000006bffffffff00000000000000008454935160401b16921617179055612188565b1661052a576111ec6111f496836122ae565b96909161229d565b9160206040519101358152606060208201528660608201527f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff871161016e576080817f16fa506d340cc9dbb841e4d4e309bce266fb288853c037650961b9f3f2d002649363ffffffff899660209b60051b8093868601371660408301528101030190a4604051908152f35b90919250611291836105908c896122ae565b359083151590816112fd575b5061062b57805f52600260205273ffffffffffffffffffffffffffffffffffffffff60405f205416156106005780896001927f5c5cd575fdb16d05d1dfa7c30de22f36a5a1ecee8a750071b8f5d54485a211895f80a3920190889261112d565b90508111158b61129d565b847f8015494f000000000000000000000000000000000000000000000000000000005f5260045260245260445ffd5b7f9905827b000000000000000000000000000000000000000000000000000000005f5260045ffd5b805f52600960205273ffffffffffffffffffffffffffffffffffffffff60405f205416156113af577f09bde339000000000000000000000000000000000000000000000000000000005f5260045ffd5b7f5a5e226f000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b3461016e57602060031936011261016e5773ffffffffffffffffffffffffffffffffffffffff611408611a03565b168015611425575f526003602052602060405f2054604051908152f35b7f89c62b64000000000000000000000000000000000000000000000000000000005f525f60045260245ffd5b3461016e575f60031936011261016e57610a52604051611472604082611ae6565b600f81527f616464726573732c62797465733332000000000000000000000000000000000060208201526040519182916020835260208301906119de565b3461016e57602060031936011261016e5760206114ce60043561212f565b73ffffffffffffffffffffffffffffffffffffffff60405191168152f35b3461016e57602060031936011261016e576004356115098161212f565b505f5260086020526040805f20602082519161152483611a9d565b549163ffffffff67ffffffffffffffff841693848352851c16918291015282519182526020820152f35b3461016e575f60031936011261016e5760206040517f46bdb6eec990354212ce78fd386b29529d4a55a276663c1d3cdfc68bbca4975f8152f35b3461016e57610b1661159936611a49565b90604051926115a9602085611ae6565b5f8452611e61565b3461016e57604060031936011261016e576024356004356115d18161212f565b905f52600860205263ffffffff60405f205460401c16918281029281840414901517156109b3576305f5e1006040920473ffffffffffffffffffffffffffffffffffffffff8351921682526020820152f35b3461016e57602060031936011261016e576004355f526002602052602073ffffffffffffffffffffffffffffffffffffffff60405f2054161515604051908152f35b3461016e57610b1661167636611a49565b91611bf7565b3461016e57604060031936011261016e57611695611a03565b6024356116a18161212f565b331515806117ba575b8061176d575b61174157819073ffffffffffffffffffffffffffffffffffffffff80851691167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b9255f80a45f52600460205273ffffffffffffffffffffffffffffffffffffffff60405f2091167fffffffffffffffffffffffff00000000000000000000000000000000000000008254161790555f80f35b7fa9fbf51f000000000000000000000000000000000000000000000000000000005f523360045260245ffd5b5073ffffffffffffffffffffffffffffffffffffffff81165f52600560205260405f2073ffffffffffffffffffffffffffffffffffffffff33165f5260205260ff60405f205416156116b0565b503373ffffffffffffffffffffffffffffffffffffffff821614156116aa565b3461016e57602060031936011261016e576004356117f78161212f565b505f526004602052602073ffffffffffffffffffffffffffffffffffffffff60405f205416604051908152f35b3461016e575f60031936011261016e576040515f5f548060011c906001811680156118d2575b602083108114610f3357828552908115610ef1575060011461187657610a5283610e7f81850382611ae6565b5f8080527f290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563939250905b8082106118b857509091508101602001610e7f610e6f565b9192600181602092548385880101520191019092916118a0565b91607f169161184a565b3461016e57602060031936011261016e57600435907fffffffff00000000000000000000000000000000000000000000000000000000821680920361016e57817f2a55205a0000000000000000000000000000000000000000000000000000000060209314908115611950575b5015158152f35b7f80ac58cd000000000000000000000000000000000000000000000000000000008114915081156119b4575b811561198a575b5083611949565b7f01ffc9a70000000000000000000000000000000000000000000000000000000091501483611983565b7f5b5e139f000000000000000000000000000000000000000000000000000000008114915061197c565b90601f19601f602080948051918291828752018686015e5f8582860101520116010190565b6004359073ffffffffffffffffffffffffffffffffffffffff8216820361016e57565b6024359073ffffffffffffffffffffffffffffffffffffffff8216820361016e57565b600319606091011261016e5760043573ffffffffffffffffffffffffffffffffffffffff8116810361016e579060243573ffffffffffffffffffffffffffffffffffffffff8116810361016e579060443590565b6040810190811067ffffffffffffffff821117611ab957604052565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52604160045260245ffd5b90601f601f19910116810190811067ffffffffffffffff821117611ab957604052565b67ffffffffffffffff8111611ab957601f01601f191660200190565b608060031982011261016e576004359160243573ffffffffffffffffffffffffffffffffffffffff8116810361016e579160443567ffffffffffffffff811161016e5760c0600319828403011261016e576004019160643567ffffffffffffffff811161016e578260238201121561016e5780600401359267ffffffffffffffff841161016e5760248460051b8301011161016e576024019190565b929192611bcd82611b09565b91611bdb6040519384611ae6565b82948184528183011161016e578281602093845f960137010152565b919073ffffffffffffffffffffffffffffffffffffffff16801561055657815f52600260205273ffffffffffffffffffffffffffffffffffffffff60405f20541692823315159283611d79575b73ffffffffffffffffffffffffffffffffffffffff935085611d0b575b805f52600360205260405f2060018154019055815f52600260205260405f20817fffffffffffffffffffffffff0000000000000000000000000000000000000000825416179055857fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef5f80a416808303611cda57505050565b7f64283d7b000000000000000000000000000000000000000000000000000000005f5260045260245260445260645ffd5b611d42825f52600460205260405f207fffffffffffffffffffffffff00000000000000000000000000000000000000008154169055565b855f52600360205260405f207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff8154019055611c61565b9192905080611df0575b15611d9057828291611c44565b8284611dc1577f7e273289000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b7f177e802f000000000000000000000000000000000000000000000000000000005f523360045260245260445ffd5b503384148015611e2b575b80611d835750825f5260046020523373ffffffffffffffffffffffffffffffffffffffff60405f20541614611d83565b50835f52600560205260405f2073ffffffffffffffffffffffffffffffffffffffff33165f5260205260ff60405f205416611dfb565b90611e6d838284611bf7565b803b611e7a575b50505050565b602091611ee673ffffffffffffffffffffffffffffffffffffffff8093169560405195869485947f150b7a0200000000000000000000000000000000000000000000000000000000865233600487015216602485015260448401526080606484015260848301906119de565b03815f865af15f9181611fe0575b50611f6257503d15611f5b573d611f0a81611b09565b90611f186040519283611ae6565b81523d5f602083013e5b80519081611f5657827f64a0ae92000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b602001fd5b6060611f22565b7fffffffff000000000000000000000000000000000000000000000000000000007f150b7a0200000000000000000000000000000000000000000000000000000000911603611fb557505f808080611e74565b7f64a0ae92000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b9091506020813d602011612035575b81611ffc60209383611ae6565b8101031261016e57517fffffffff000000000000000000000000000000000000000000000000000000008116810361016e57905f611ef4565b3d9150611fef565b906040519073ffffffffffffffffffffffffffffffffffffffff6020830193168352604082015260408152612073606082611ae6565b519020604051602081019182526020815261208f604082611ae6565b51902090565b93929190845f52600960205273ffffffffffffffffffffffffffffffffffffffff60405f20541615612126576120d06120d692949394612365565b9061203d565b915f915b8083106120e8575050501490565b9091926120f6848385612302565b359081811015612115575f52602052600160405f205b930191906120da565b905f52602052600160405f2061210c565b50505050505f90565b805f52600260205273ffffffffffffffffffffffffffffffffffffffff60405f20541690811561215d575090565b7f7e273289000000000000000000000000000000000000000000000000000000005f5260045260245ffd5b90805f52600260205273ffffffffffffffffffffffffffffffffffffffff8060405f205416928361222f575b1680612217575b815f52600260205260405f20817fffffffffffffffffffffffff0000000000000000000000000000000000000000825416179055827fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef5f80a490565b805f52600360205260405f20600181540190556121bb565b612266835f52600460205260405f207fffffffffffffffffffffffff00000000000000000000000000000000000000008154169055565b835f52600360205260405f207fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff81540190556121b4565b3563ffffffff8116810361016e5790565b9035907fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe18136030182121561016e570180359067ffffffffffffffff821161016e57602001918160051b3603831361016e57565b91908110156123125760051b0190565b7f4e487b71000000000000000000000000000000000000000000000000000000005f52603260045260245ffd5b908151811015612312570160200190565b3567ffffffffffffffff8116810361016e5790565b61237160408201612350565b61237d60608301612350565b61238a60808401846122ae565b60409291925160208101917f07ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff811161016e5760208263ffffffff966123e19360051b8091873781010301601f198101835282611ae6565b51902067ffffffffffffffff6123f960a0870161229d565b9281604051966020808901997f46bdb6eec990354212ce78fd386b29529d4a55a276663c1d3cdfc68bbca4975f8b52803560408b0152013560608901521660808701521660a085015260c08401521660e082015260e0815261208f61010082611ae6565b815191906041830361248d576124869250602082015190606060408401519301515f1a90612611565b9192909190565b50505f9160029190565b60ff811690601f82116124c657604051916124b3604084611ae6565b6020808452838101919036833783525290565b7fb3512b0c000000000000000000000000000000000000000000000000000000005f5260045ffd5b73ffffffffffffffffffffffffffffffffffffffff7f0000000000000000000000000000000000000000000000000000000000000000163014806125e8575b15612556577f000000000000000000000000000000000000000000000000000000000000000090565b60405160208101907f8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f82527f000000000000000000000000000000000000000000000000000000000000000060408201527f000000000000000000000000000000000000000000000000000000000000000060608201524660808201523060a082015260a0815261208f60c082611ae6565b507f0000000000000000000000000000000000000000000000000000000000000000461461252d565b91907f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a084116126a0579160209360809260ff5f9560405194855216868401526040830152606082015282805260015afa15612695575f5173ffffffffffffffffffffffffffffffffffffffff81161561268b57905f905f90565b505f906001905f90565b6040513d5f823e3d90fd5b5050505f916003919056",
}

// ProvenanceRegistry is an auto generated Go binding around an Ethereum contract.
type ProvenanceRegistry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ProvenanceRegistry) GetABI() abi.ABI {
	return c.abi
}

// NewProvenanceRegistry creates a new instance of ProvenanceRegistry.
func NewProvenanceRegistry() *ProvenanceRegistry {
	parsed, err := ProvenanceRegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ProvenanceRegistry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ProvenanceRegistry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackBATCHLEAFENCODING is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f4c1a72.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function BATCH_LEAF_ENCODING() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) PackBATCHLEAFENCODING() []byte {
	enc, err := provenanceRegistry.abi.Pack("BATCH_LEAF_ENCODING")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBATCHLEAFENCODING is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f4c1a72.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function BATCH_LEAF_ENCODING() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) TryPackBATCHLEAFENCODING() ([]byte, error) {
	return provenanceRegistry.abi.Pack("BATCH_LEAF_ENCODING")
}

// UnpackBATCHLEAFENCODING is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6f4c1a72.
//
// Solidity: function BATCH_LEAF_ENCODING() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) UnpackBATCHLEAFENCODING(data []byte) (string, error) {
	out, err := provenanceRegistry.abi.Unpack("BATCH_LEAF_ENCODING", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackMANIFESTATTESTATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4dfcd5cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MANIFEST_ATTESTATION_TYPEHASH() view returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) PackMANIFESTATTESTATIONTYPEHASH() []byte {
	enc, err := provenanceRegistry.abi.Pack("MANIFEST_ATTESTATION_TYPEHASH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMANIFESTATTESTATIONTYPEHASH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4dfcd5cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MANIFEST_ATTESTATION_TYPEHASH() view returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) TryPackMANIFESTATTESTATIONTYPEHASH() ([]byte, error) {
	return provenanceRegistry.abi.Pack("MANIFEST_ATTESTATION_TYPEHASH")
}

// UnpackMANIFESTATTESTATIONTYPEHASH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4dfcd5cc.
//
// Solidity: function MANIFEST_ATTESTATION_TYPEHASH() view returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) UnpackMANIFESTATTESTATIONTYPEHASH(data []byte) ([32]byte, error) {
	out, err := provenanceRegistry.abi.Unpack("MANIFEST_ATTESTATION_TYPEHASH", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackMAXPARENTS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97d4c443.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PARENTS() view returns(uint256)
func (provenanceRegistry *ProvenanceRegistry) PackMAXPARENTS() []byte {
	enc, err := provenanceRegistry.abi.Pack("MAX_PARENTS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPARENTS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x97d4c443.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PARENTS() view returns(uint256)
func (provenanceRegistry *ProvenanceRegistry) TryPackMAXPARENTS() ([]byte, error) {
	return provenanceRegistry.abi.Pack("MAX_PARENTS")
}

// UnpackMAXPARENTS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x97d4c443.
//
// Solidity: function MAX_PARENTS() view returns(uint256)
func (provenanceRegistry *ProvenanceRegistry) UnpackMAXPARENTS(data []byte) (*big.Int, error) {
	out, err := provenanceRegistry.abi.Unpack("MAX_PARENTS", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSHAREWHOLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf91d37ad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SHARE_WHOLE() view returns(uint32)
func (provenanceRegistry *ProvenanceRegistry) PackSHAREWHOLE() []byte {
	enc, err := provenanceRegistry.abi.Pack("SHARE_WHOLE")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSHAREWHOLE is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf91d37ad.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SHARE_WHOLE() view returns(uint32)
func (provenanceRegistry *ProvenanceRegistry) TryPackSHAREWHOLE() ([]byte, error) {
	return provenanceRegistry.abi.Pack("SHARE_WHOLE")
}

// UnpackSHAREWHOLE is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf91d37ad.
//
// Solidity: function SHARE_WHOLE() view returns(uint32)
func (provenanceRegistry *ProvenanceRegistry) UnpackSHAREWHOLE(data []byte) (uint32, error) {
	out, err := provenanceRegistry.abi.Unpack("SHARE_WHOLE", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackAnchorBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a1d0d41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function anchorBatch(bytes32 root, uint256 count) returns()
func (provenanceRegistry *ProvenanceRegistry) PackAnchorBatch(root [32]byte, count *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("anchorBatch", root, count)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAnchorBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a1d0d41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function anchorBatch(bytes32 root, uint256 count) returns()
func (provenanceRegistry *ProvenanceRegistry) TryPackAnchorBatch(root [32]byte, count *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("anchorBatch", root, count)
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (provenanceRegistry *ProvenanceRegistry) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("approve", to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (provenanceRegistry *ProvenanceRegistry) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("approve", to, tokenId)
}

// PackAttestationHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe7319f59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function attestationHash((bytes32,bytes32,uint64,uint64,bytes32[],uint32) a) pure returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) PackAttestationHash(a ProvenanceRegistryManifestAttestation) []byte {
	enc, err := provenanceRegistry.abi.Pack("attestationHash", a)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAttestationHash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe7319f59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function attestationHash((bytes32,bytes32,uint64,uint64,bytes32[],uint32) a) pure returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) TryPackAttestationHash(a ProvenanceRegistryManifestAttestation) ([]byte, error) {
	return provenanceRegistry.abi.Pack("attestationHash", a)
}

// UnpackAttestationHash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe7319f59.
//
// Solidity: function attestationHash((bytes32,bytes32,uint64,uint64,bytes32[],uint32) a) pure returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) UnpackAttestationHash(data []byte) ([32]byte, error) {
	out, err := provenanceRegistry.abi.Unpack("attestationHash", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (provenanceRegistry *ProvenanceRegistry) PackBalanceOf(owner common.Address) []byte {
	enc, err := provenanceRegistry.abi.Pack("balanceOf", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (provenanceRegistry *ProvenanceRegistry) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return provenanceRegistry.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (provenanceRegistry *ProvenanceRegistry) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := provenanceRegistry.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBatchLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd1e3956a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchLeaf(address owner, bytes32 structHash) pure returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) PackBatchLeaf(owner common.Address, structHash [32]byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("batchLeaf", owner, structHash)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchLeaf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd1e3956a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchLeaf(address owner, bytes32 structHash) pure returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) TryPackBatchLeaf(owner common.Address, structHash [32]byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("batchLeaf", owner, structHash)
}

// UnpackBatchLeaf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd1e3956a.
//
// Solidity: function batchLeaf(address owner, bytes32 structHash) pure returns(bytes32)
func (provenanceRegistry *ProvenanceRegistry) UnpackBatchLeaf(data []byte) ([32]byte, error) {
	out, err := provenanceRegistry.abi.Unpack("batchLeaf", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackBatchOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaee05732.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function batchOf(bytes32 root) view returns(address anchorer, uint64 blockNumber)
func (provenanceRegistry *ProvenanceRegistry) PackBatchOf(root [32]byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("batchOf", root)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBatchOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaee05732.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function batchOf(bytes32 root) view returns(address anchorer, uint64 blockNumber)
func (provenanceRegistry *ProvenanceRegistry) TryPackBatchOf(root [32]byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("batchOf", root)
}

// BatchOfOutput serves as a container for the return parameters of contract
// method BatchOf.
type BatchOfOutput struct {
	Anchorer    common.Address
	BlockNumber uint64
}

// UnpackBatchOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaee05732.
//
// Solidity: function batchOf(bytes32 root) view returns(address anchorer, uint64 blockNumber)
func (provenanceRegistry *ProvenanceRegistry) UnpackBatchOf(data []byte) (BatchOfOutput, error) {
	out, err := provenanceRegistry.abi.Unpack("batchOf", data)
	outstruct := new(BatchOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Anchorer = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.BlockNumber = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackEip712Domain is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x84b0196e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function eip712Domain() view returns(bytes1 fields, string name, string version, uint256 chainId, address verifyingContract, bytes32 salt, uint256[] extensions)
func (provenanceRegistry *ProvenanceRegistry) PackEip712Domain() []byte {
	enc, err := provenanceRegistry.abi.Pack("eip712Domain")
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
func (provenanceRegistry *ProvenanceRegistry) TryPackEip712Domain() ([]byte, error) {
	return provenanceRegistry.abi.Pack("eip712Domain")
}

// ProvenanceRegistryEip712DomainOutput serves as a container for the return parameters of contract
// method Eip712Domain.
type ProvenanceRegistryEip712DomainOutput struct {
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
func (provenanceRegistry *ProvenanceRegistry) UnpackEip712Domain(data []byte) (ProvenanceRegistryEip712DomainOutput, error) {
	out, err := provenanceRegistry.abi.Unpack("eip712Domain", data)
	outstruct := new(ProvenanceRegistryEip712DomainOutput)
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

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (provenanceRegistry *ProvenanceRegistry) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("getApproved", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (provenanceRegistry *ProvenanceRegistry) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (provenanceRegistry *ProvenanceRegistry) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := provenanceRegistry.abi.Unpack("getApproved", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := provenanceRegistry.abi.Pack("isApprovedForAll", owner, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return provenanceRegistry.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := provenanceRegistry.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsInBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf312f59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isInBatch(bytes32 root, address owner, (bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, bytes32[] proof) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) PackIsInBatch(root [32]byte, owner common.Address, a ProvenanceRegistryManifestAttestation, proof [][32]byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("isInBatch", root, owner, a, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsInBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdf312f59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isInBatch(bytes32 root, address owner, (bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, bytes32[] proof) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) TryPackIsInBatch(root [32]byte, owner common.Address, a ProvenanceRegistryManifestAttestation, proof [][32]byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("isInBatch", root, owner, a, proof)
}

// UnpackIsInBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdf312f59.
//
// Solidity: function isInBatch(bytes32 root, address owner, (bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, bytes32[] proof) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) UnpackIsInBatch(data []byte) (bool, error) {
	out, err := provenanceRegistry.abi.Unpack("isInBatch", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackIsRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27258b22.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isRegistered(bytes32 manifestDigest) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) PackIsRegistered(manifestDigest [32]byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("isRegistered", manifestDigest)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsRegistered is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27258b22.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isRegistered(bytes32 manifestDigest) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) TryPackIsRegistered(manifestDigest [32]byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("isRegistered", manifestDigest)
}

// UnpackIsRegistered is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27258b22.
//
// Solidity: function isRegistered(bytes32 manifestDigest) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) UnpackIsRegistered(data []byte) (bool, error) {
	out, err := provenanceRegistry.abi.Unpack("isRegistered", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) PackName() []byte {
	enc, err := provenanceRegistry.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) TryPackName() ([]byte, error) {
	return provenanceRegistry.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) UnpackName(data []byte) (string, error) {
	out, err := provenanceRegistry.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (provenanceRegistry *ProvenanceRegistry) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("ownerOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (provenanceRegistry *ProvenanceRegistry) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (provenanceRegistry *ProvenanceRegistry) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := provenanceRegistry.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRecordOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55d742e4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recordOf(uint256 tokenId) view returns(uint64 blockNumber, uint32 royaltyShare)
func (provenanceRegistry *ProvenanceRegistry) PackRecordOf(tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("recordOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecordOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x55d742e4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recordOf(uint256 tokenId) view returns(uint64 blockNumber, uint32 royaltyShare)
func (provenanceRegistry *ProvenanceRegistry) TryPackRecordOf(tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("recordOf", tokenId)
}

// RecordOfOutput serves as a container for the return parameters of contract
// method RecordOf.
type RecordOfOutput struct {
	BlockNumber  uint64
	RoyaltyShare uint32
}

// UnpackRecordOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x55d742e4.
//
// Solidity: function recordOf(uint256 tokenId) view returns(uint64 blockNumber, uint32 royaltyShare)
func (provenanceRegistry *ProvenanceRegistry) UnpackRecordOf(data []byte) (RecordOfOutput, error) {
	out, err := provenanceRegistry.abi.Unpack("recordOf", data)
	outstruct := new(RecordOfOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.BlockNumber = *abi.ConvertType(out[0], new(uint64)).(*uint64)
	outstruct.RoyaltyShare = *abi.ConvertType(out[1], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xddfe5f77.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function register((bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, address owner, bytes signature) returns(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) PackRegister(a ProvenanceRegistryManifestAttestation, owner common.Address, signature []byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("register", a, owner, signature)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegister is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xddfe5f77.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function register((bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, address owner, bytes signature) returns(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) TryPackRegister(a ProvenanceRegistryManifestAttestation, owner common.Address, signature []byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("register", a, owner, signature)
}

// UnpackRegister is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xddfe5f77.
//
// Solidity: function register((bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, address owner, bytes signature) returns(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) UnpackRegister(data []byte) (*big.Int, error) {
	out, err := provenanceRegistry.abi.Unpack("register", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRegisterFromBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cdb64a6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerFromBatch(bytes32 root, address owner, (bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, bytes32[] proof) returns(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) PackRegisterFromBatch(root [32]byte, owner common.Address, a ProvenanceRegistryManifestAttestation, proof [][32]byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("registerFromBatch", root, owner, a, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterFromBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cdb64a6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerFromBatch(bytes32 root, address owner, (bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, bytes32[] proof) returns(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) TryPackRegisterFromBatch(root [32]byte, owner common.Address, a ProvenanceRegistryManifestAttestation, proof [][32]byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("registerFromBatch", root, owner, a, proof)
}

// UnpackRegisterFromBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7cdb64a6.
//
// Solidity: function registerFromBatch(bytes32 root, address owner, (bytes32,bytes32,uint64,uint64,bytes32[],uint32) a, bytes32[] proof) returns(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) UnpackRegisterFromBatch(data []byte) (*big.Int, error) {
	out, err := provenanceRegistry.abi.Unpack("registerFromBatch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRoyaltyInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a55205a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 royaltyAmount)
func (provenanceRegistry *ProvenanceRegistry) PackRoyaltyInfo(tokenId *big.Int, salePrice *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("royaltyInfo", tokenId, salePrice)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRoyaltyInfo is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2a55205a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 royaltyAmount)
func (provenanceRegistry *ProvenanceRegistry) TryPackRoyaltyInfo(tokenId *big.Int, salePrice *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("royaltyInfo", tokenId, salePrice)
}

// RoyaltyInfoOutput serves as a container for the return parameters of contract
// method RoyaltyInfo.
type RoyaltyInfoOutput struct {
	Receiver      common.Address
	RoyaltyAmount *big.Int
}

// UnpackRoyaltyInfo is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2a55205a.
//
// Solidity: function royaltyInfo(uint256 tokenId, uint256 salePrice) view returns(address receiver, uint256 royaltyAmount)
func (provenanceRegistry *ProvenanceRegistry) UnpackRoyaltyInfo(data []byte) (RoyaltyInfoOutput, error) {
	out, err := provenanceRegistry.abi.Unpack("royaltyInfo", data)
	outstruct := new(RoyaltyInfoOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Receiver = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.RoyaltyAmount = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (provenanceRegistry *ProvenanceRegistry) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("safeTransferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (provenanceRegistry *ProvenanceRegistry) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (provenanceRegistry *ProvenanceRegistry) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (provenanceRegistry *ProvenanceRegistry) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (provenanceRegistry *ProvenanceRegistry) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := provenanceRegistry.abi.Pack("setApprovalForAll", operator, approved)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (provenanceRegistry *ProvenanceRegistry) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return provenanceRegistry.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := provenanceRegistry.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return provenanceRegistry.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (provenanceRegistry *ProvenanceRegistry) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := provenanceRegistry.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) PackSymbol() []byte {
	enc, err := provenanceRegistry.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) TryPackSymbol() ([]byte, error) {
	return provenanceRegistry.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (provenanceRegistry *ProvenanceRegistry) UnpackSymbol(data []byte) (string, error) {
	out, err := provenanceRegistry.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (provenanceRegistry *ProvenanceRegistry) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("tokenURI", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (provenanceRegistry *ProvenanceRegistry) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (provenanceRegistry *ProvenanceRegistry) UnpackTokenURI(data []byte) (string, error) {
	out, err := provenanceRegistry.abi.Unpack("tokenURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (provenanceRegistry *ProvenanceRegistry) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := provenanceRegistry.abi.Pack("transferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (provenanceRegistry *ProvenanceRegistry) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return provenanceRegistry.abi.Pack("transferFrom", from, to, tokenId)
}

// ProvenanceRegistryApproval represents a Approval event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryApproval) ContractEventName() string {
	return ProvenanceRegistryApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (provenanceRegistry *ProvenanceRegistry) UnpackApprovalEvent(log *types.Log) (*ProvenanceRegistryApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryApproval)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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

// ProvenanceRegistryApprovalForAll represents a ApprovalForAll event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryApprovalForAll) ContractEventName() string {
	return ProvenanceRegistryApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (provenanceRegistry *ProvenanceRegistry) UnpackApprovalForAllEvent(log *types.Log) (*ProvenanceRegistryApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryApprovalForAll)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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

// ProvenanceRegistryBatchAnchored represents a BatchAnchored event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryBatchAnchored struct {
	Root     [32]byte
	Anchorer common.Address
	Count    *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryBatchAnchoredEventName = "BatchAnchored"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryBatchAnchored) ContractEventName() string {
	return ProvenanceRegistryBatchAnchoredEventName
}

// UnpackBatchAnchoredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BatchAnchored(bytes32 indexed root, address indexed anchorer, uint256 count)
func (provenanceRegistry *ProvenanceRegistry) UnpackBatchAnchoredEvent(log *types.Log) (*ProvenanceRegistryBatchAnchored, error) {
	event := "BatchAnchored"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryBatchAnchored)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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

// ProvenanceRegistryEIP712DomainChanged represents a EIP712DomainChanged event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryEIP712DomainChanged struct {
	Raw *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryEIP712DomainChangedEventName = "EIP712DomainChanged"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryEIP712DomainChanged) ContractEventName() string {
	return ProvenanceRegistryEIP712DomainChangedEventName
}

// UnpackEIP712DomainChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EIP712DomainChanged()
func (provenanceRegistry *ProvenanceRegistry) UnpackEIP712DomainChangedEvent(log *types.Log) (*ProvenanceRegistryEIP712DomainChanged, error) {
	event := "EIP712DomainChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryEIP712DomainChanged)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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

// ProvenanceRegistryLinked represents a Linked event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryLinked struct {
	Parent *big.Int
	Child  *big.Int
	Raw    *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryLinkedEventName = "Linked"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryLinked) ContractEventName() string {
	return ProvenanceRegistryLinkedEventName
}

// UnpackLinkedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Linked(uint256 indexed parent, uint256 indexed child)
func (provenanceRegistry *ProvenanceRegistry) UnpackLinkedEvent(log *types.Log) (*ProvenanceRegistryLinked, error) {
	event := "Linked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryLinked)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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

// ProvenanceRegistryRegistered represents a Registered event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryRegistered struct {
	TokenId       *big.Int
	Owner         common.Address
	BatchRoot     [32]byte
	SubjectDigest [32]byte
	Parents       [][32]byte
	RoyaltyShare  uint32
	Raw           *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryRegisteredEventName = "Registered"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryRegistered) ContractEventName() string {
	return ProvenanceRegistryRegisteredEventName
}

// UnpackRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Registered(uint256 indexed tokenId, address indexed owner, bytes32 indexed batchRoot, bytes32 subjectDigest, bytes32[] parents, uint32 royaltyShare)
func (provenanceRegistry *ProvenanceRegistry) UnpackRegisteredEvent(log *types.Log) (*ProvenanceRegistryRegistered, error) {
	event := "Registered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryRegistered)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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

// ProvenanceRegistryTransfer represents a Transfer event raised by the ProvenanceRegistry contract.
type ProvenanceRegistryTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const ProvenanceRegistryTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (ProvenanceRegistryTransfer) ContractEventName() string {
	return ProvenanceRegistryTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (provenanceRegistry *ProvenanceRegistry) UnpackTransferEvent(log *types.Log) (*ProvenanceRegistryTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != provenanceRegistry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ProvenanceRegistryTransfer)
	if len(log.Data) > 0 {
		if err := provenanceRegistry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range provenanceRegistry.abi.Events[event].Inputs {
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
func (provenanceRegistry *ProvenanceRegistry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["AlreadyRegistered"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackAlreadyRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["BatchAlreadyAnchored"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackBatchAlreadyAnchoredError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["BatchNotAnchored"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackBatchNotAnchoredError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["EmptyRoot"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackEmptyRootError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["InvalidProof"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackInvalidProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["InvalidShortString"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackInvalidShortStringError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["InvalidSignature"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackInvalidSignatureError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ParentNotRegistered"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackParentNotRegisteredError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ParentsNotAscending"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackParentsNotAscendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["RoyaltyShareTooHigh"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackRoyaltyShareTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["StringTooLong"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackStringTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["TooManyParents"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackTooManyParentsError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ZeroDigest"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackZeroDigestError(raw[4:])
	}
	if bytes.Equal(raw[:4], provenanceRegistry.abi.Errors["ZeroOwner"].ID.Bytes()[:4]) {
		return provenanceRegistry.UnpackZeroOwnerError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ProvenanceRegistryAlreadyRegistered represents a AlreadyRegistered error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryAlreadyRegistered struct {
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyRegistered(uint256 tokenId, address owner)
func ProvenanceRegistryAlreadyRegisteredErrorID() common.Hash {
	return common.HexToHash("0x8015494f74764cdcbf0441d7f432cd41d875b06956844c092414bcf0cf2bc0f5")
}

// UnpackAlreadyRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyRegistered(uint256 tokenId, address owner)
func (provenanceRegistry *ProvenanceRegistry) UnpackAlreadyRegisteredError(raw []byte) (*ProvenanceRegistryAlreadyRegistered, error) {
	out := new(ProvenanceRegistryAlreadyRegistered)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "AlreadyRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryBatchAlreadyAnchored represents a BatchAlreadyAnchored error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryBatchAlreadyAnchored struct {
	Root [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchAlreadyAnchored(bytes32 root)
func ProvenanceRegistryBatchAlreadyAnchoredErrorID() common.Hash {
	return common.HexToHash("0x213d8d3400f3c141a2a19c8e6281eadda05e5c86f3948d690e7fbc62660a1fa8")
}

// UnpackBatchAlreadyAnchoredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchAlreadyAnchored(bytes32 root)
func (provenanceRegistry *ProvenanceRegistry) UnpackBatchAlreadyAnchoredError(raw []byte) (*ProvenanceRegistryBatchAlreadyAnchored, error) {
	out := new(ProvenanceRegistryBatchAlreadyAnchored)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "BatchAlreadyAnchored", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryBatchNotAnchored represents a BatchNotAnchored error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryBatchNotAnchored struct {
	Root [32]byte
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BatchNotAnchored(bytes32 root)
func ProvenanceRegistryBatchNotAnchoredErrorID() common.Hash {
	return common.HexToHash("0x5a5e226fb491877f3741a5945130daf7659ce4a452879646865164b34cacad8c")
}

// UnpackBatchNotAnchoredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BatchNotAnchored(bytes32 root)
func (provenanceRegistry *ProvenanceRegistry) UnpackBatchNotAnchoredError(raw []byte) (*ProvenanceRegistryBatchNotAnchored, error) {
	out := new(ProvenanceRegistryBatchNotAnchored)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "BatchNotAnchored", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func ProvenanceRegistryERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721IncorrectOwnerError(raw []byte) (*ProvenanceRegistryERC721IncorrectOwner, error) {
	out := new(ProvenanceRegistryERC721IncorrectOwner)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func ProvenanceRegistryERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721InsufficientApprovalError(raw []byte) (*ProvenanceRegistryERC721InsufficientApproval, error) {
	out := new(ProvenanceRegistryERC721InsufficientApproval)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721InvalidApprover represents a ERC721InvalidApprover error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func ProvenanceRegistryERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721InvalidApproverError(raw []byte) (*ProvenanceRegistryERC721InvalidApprover, error) {
	out := new(ProvenanceRegistryERC721InvalidApprover)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721InvalidOperator represents a ERC721InvalidOperator error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func ProvenanceRegistryERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721InvalidOperatorError(raw []byte) (*ProvenanceRegistryERC721InvalidOperator, error) {
	out := new(ProvenanceRegistryERC721InvalidOperator)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721InvalidOwner represents a ERC721InvalidOwner error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func ProvenanceRegistryERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721InvalidOwnerError(raw []byte) (*ProvenanceRegistryERC721InvalidOwner, error) {
	out := new(ProvenanceRegistryERC721InvalidOwner)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func ProvenanceRegistryERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721InvalidReceiverError(raw []byte) (*ProvenanceRegistryERC721InvalidReceiver, error) {
	out := new(ProvenanceRegistryERC721InvalidReceiver)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721InvalidSender represents a ERC721InvalidSender error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func ProvenanceRegistryERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721InvalidSenderError(raw []byte) (*ProvenanceRegistryERC721InvalidSender, error) {
	out := new(ProvenanceRegistryERC721InvalidSender)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryERC721NonexistentToken represents a ERC721NonexistentToken error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func ProvenanceRegistryERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (provenanceRegistry *ProvenanceRegistry) UnpackERC721NonexistentTokenError(raw []byte) (*ProvenanceRegistryERC721NonexistentToken, error) {
	out := new(ProvenanceRegistryERC721NonexistentToken)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryEmptyRoot represents a EmptyRoot error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryEmptyRoot struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EmptyRoot()
func ProvenanceRegistryEmptyRootErrorID() common.Hash {
	return common.HexToHash("0x53ce4ece66102bfdfb7e2dd6215b88dbc54b76fd92f4bed53b69b1166a744a63")
}

// UnpackEmptyRootError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EmptyRoot()
func (provenanceRegistry *ProvenanceRegistry) UnpackEmptyRootError(raw []byte) (*ProvenanceRegistryEmptyRoot, error) {
	out := new(ProvenanceRegistryEmptyRoot)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "EmptyRoot", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryInvalidProof represents a InvalidProof error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryInvalidProof struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidProof()
func ProvenanceRegistryInvalidProofErrorID() common.Hash {
	return common.HexToHash("0x09bde339c6b182be216ee7ef8ccff6338c6ef7993445216112ae575c5438fd27")
}

// UnpackInvalidProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidProof()
func (provenanceRegistry *ProvenanceRegistry) UnpackInvalidProofError(raw []byte) (*ProvenanceRegistryInvalidProof, error) {
	out := new(ProvenanceRegistryInvalidProof)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "InvalidProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryInvalidShortString represents a InvalidShortString error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryInvalidShortString struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidShortString()
func ProvenanceRegistryInvalidShortStringErrorID() common.Hash {
	return common.HexToHash("0xb3512b0c6163e5f0bafab72bb631b9d58cd7a731b082f910338aa21c83d5c274")
}

// UnpackInvalidShortStringError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidShortString()
func (provenanceRegistry *ProvenanceRegistry) UnpackInvalidShortStringError(raw []byte) (*ProvenanceRegistryInvalidShortString, error) {
	out := new(ProvenanceRegistryInvalidShortString)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "InvalidShortString", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryInvalidSignature represents a InvalidSignature error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryInvalidSignature struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignature()
func ProvenanceRegistryInvalidSignatureErrorID() common.Hash {
	return common.HexToHash("0x8baa579fce362245063d36f11747a89dd489c54795634fc673cc0e0db51fedc5")
}

// UnpackInvalidSignatureError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignature()
func (provenanceRegistry *ProvenanceRegistry) UnpackInvalidSignatureError(raw []byte) (*ProvenanceRegistryInvalidSignature, error) {
	out := new(ProvenanceRegistryInvalidSignature)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "InvalidSignature", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryParentNotRegistered represents a ParentNotRegistered error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryParentNotRegistered struct {
	Parent *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ParentNotRegistered(uint256 parent)
func ProvenanceRegistryParentNotRegisteredErrorID() common.Hash {
	return common.HexToHash("0xa3bce6dd080b542d1ac0d541fb79c63a5c640b5709b007cf9cbb938527ce4638")
}

// UnpackParentNotRegisteredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ParentNotRegistered(uint256 parent)
func (provenanceRegistry *ProvenanceRegistry) UnpackParentNotRegisteredError(raw []byte) (*ProvenanceRegistryParentNotRegistered, error) {
	out := new(ProvenanceRegistryParentNotRegistered)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ParentNotRegistered", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryParentsNotAscending represents a ParentsNotAscending error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryParentsNotAscending struct {
	Index *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ParentsNotAscending(uint256 index)
func ProvenanceRegistryParentsNotAscendingErrorID() common.Hash {
	return common.HexToHash("0x8e2358b296eb69dd471b3c4088cd0c0fa4bf85fc95fefbcb5b33f833b80aff6b")
}

// UnpackParentsNotAscendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ParentsNotAscending(uint256 index)
func (provenanceRegistry *ProvenanceRegistry) UnpackParentsNotAscendingError(raw []byte) (*ProvenanceRegistryParentsNotAscending, error) {
	out := new(ProvenanceRegistryParentsNotAscending)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ParentsNotAscending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryRoyaltyShareTooHigh represents a RoyaltyShareTooHigh error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryRoyaltyShareTooHigh struct {
	Share uint32
	Max   uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoyaltyShareTooHigh(uint32 share, uint32 max)
func ProvenanceRegistryRoyaltyShareTooHighErrorID() common.Hash {
	return common.HexToHash("0x1bc66caaa5a1bb0742399eba3d57b4cf9e38179a0dda027ea6fad39d0dcd2420")
}

// UnpackRoyaltyShareTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoyaltyShareTooHigh(uint32 share, uint32 max)
func (provenanceRegistry *ProvenanceRegistry) UnpackRoyaltyShareTooHighError(raw []byte) (*ProvenanceRegistryRoyaltyShareTooHigh, error) {
	out := new(ProvenanceRegistryRoyaltyShareTooHigh)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "RoyaltyShareTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryStringTooLong represents a StringTooLong error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryStringTooLong struct {
	Str string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error StringTooLong(string str)
func ProvenanceRegistryStringTooLongErrorID() common.Hash {
	return common.HexToHash("0x305a27a93f8e33b7392df0a0f91d6fc63847395853c45991eec52dbf24d72381")
}

// UnpackStringTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error StringTooLong(string str)
func (provenanceRegistry *ProvenanceRegistry) UnpackStringTooLongError(raw []byte) (*ProvenanceRegistryStringTooLong, error) {
	out := new(ProvenanceRegistryStringTooLong)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "StringTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryTooManyParents represents a TooManyParents error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryTooManyParents struct {
	Count *big.Int
	Max   *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TooManyParents(uint256 count, uint256 max)
func ProvenanceRegistryTooManyParentsErrorID() common.Hash {
	return common.HexToHash("0x42db51c152726626f6e4290e645acd501f4e0d3d98c71e7a8ad2795aa026a4c1")
}

// UnpackTooManyParentsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TooManyParents(uint256 count, uint256 max)
func (provenanceRegistry *ProvenanceRegistry) UnpackTooManyParentsError(raw []byte) (*ProvenanceRegistryTooManyParents, error) {
	out := new(ProvenanceRegistryTooManyParents)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "TooManyParents", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryZeroDigest represents a ZeroDigest error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryZeroDigest struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroDigest()
func ProvenanceRegistryZeroDigestErrorID() common.Hash {
	return common.HexToHash("0x506f3a1b346eda52e581752dd72ca5fc50463f2e4eb5db65f0e0390bcb3ada11")
}

// UnpackZeroDigestError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroDigest()
func (provenanceRegistry *ProvenanceRegistry) UnpackZeroDigestError(raw []byte) (*ProvenanceRegistryZeroDigest, error) {
	out := new(ProvenanceRegistryZeroDigest)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ZeroDigest", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ProvenanceRegistryZeroOwner represents a ZeroOwner error raised by the ProvenanceRegistry contract.
type ProvenanceRegistryZeroOwner struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroOwner()
func ProvenanceRegistryZeroOwnerErrorID() common.Hash {
	return common.HexToHash("0x9905827b514da707a2fe590832730f62a8d762cc0f2ba71de8065112256c3068")
}

// UnpackZeroOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroOwner()
func (provenanceRegistry *ProvenanceRegistry) UnpackZeroOwnerError(raw []byte) (*ProvenanceRegistryZeroOwner, error) {
	out := new(ProvenanceRegistryZeroOwner)
	if err := provenanceRegistry.abi.UnpackIntoInterface(out, "ZeroOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}
