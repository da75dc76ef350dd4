// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title aiprov provenance registry
/// @notice One record and one ERC-721 token per lineage manifest. A record's
/// token id is the manifest's dag-cbor sha2-256 digest read as a uint256, so
/// the id is the same on every chain and the CID follows from it
/// (0x01 0x71 0x12 0x20 ‖ digest). A record names its parents' records, which
/// must exist first: the graph on chain is acyclic by construction.
///
/// Records come in two ways:
///  - register: the owner's EIP-712 ManifestAttestation signature (the type
///    aiprov's attest package signs), sent by anyone — a relayer or CI
///    service can pay the gas. The domain binds chain id and this contract,
///    and a manifest registers once, so a signature cannot register anything
///    else here or elsewhere.
///  - anchorBatch + registerFromBatch: one transaction anchors the
///    OpenZeppelin StandardMerkleTree root of many (owner, hashStruct
///    (attestation)) leaves; each manifest later proves its inclusion and
///    gets its record and token then.
contract ProvenanceRegistry is ERC721, EIP712, IERC2981 {
    /// @notice The EIP-712 message: attest.ManifestAttestationType.
    struct ManifestAttestation {
        bytes32 manifestDigest; // sha2-256 digest inside the manifest's CIDv1 (dag-cbor)
        bytes32 subjectDigest; // digest inside the artifact's root CID
        uint64 subjectSize; // the artifact's content bytes
        uint64 created; // the manifest's creation time, Unix seconds
        bytes32[] parents; // the parents' manifest digests, strictly ascending
        uint32 royaltyShare; // EIP-2981 rate, parts of SHARE_WHOLE
    }

    bytes32 public constant MANIFEST_ATTESTATION_TYPEHASH = keccak256(
        "ManifestAttestation(bytes32 manifestDigest,bytes32 subjectDigest,uint64 subjectSize,uint64 created,bytes32[] parents,uint32 royaltyShare)"
    );
    /// @notice 100% in royaltyShare: aiprov's share unit (parts per hundred million).
    uint32 public constant SHARE_WHOLE = 100_000_000;
    /// @notice At most this many parents per record.
    uint256 public constant MAX_PARENTS = 256;
    /// @notice The StandardMerkleTree leaf encoding of a batch.
    string public constant BATCH_LEAF_ENCODING = "address,bytes32";

    /// @dev What the contract itself needs of a record; the rest is in the
    /// Registered event. One slot.
    struct Record {
        uint64 blockNumber;
        uint32 royaltyShare;
    }

    struct Batch {
        address anchorer;
        uint64 blockNumber;
    }

    mapping(uint256 tokenId => Record) private _records;
    mapping(bytes32 root => Batch) private _batches;

    /// @notice A record was made. parents and subjectDigest rebuild the graph;
    /// batchRoot is zero for a signed registration.
    event Registered(
        uint256 indexed tokenId,
        address indexed owner,
        bytes32 indexed batchRoot,
        bytes32 subjectDigest,
        bytes32[] parents,
        uint32 royaltyShare
    );
    /// @notice One edge of the graph, indexed both ways so that a client finds
    /// a record's children without reading every record.
    event Linked(uint256 indexed parent, uint256 indexed child);
    /// @notice A batch root was anchored.
    event BatchAnchored(bytes32 indexed root, address indexed anchorer, uint256 count);

    error ZeroDigest();
    error AlreadyRegistered(uint256 tokenId, address owner);
    error ParentNotRegistered(uint256 parent);
    error ParentsNotAscending(uint256 index);
    error TooManyParents(uint256 count, uint256 max);
    error RoyaltyShareTooHigh(uint32 share, uint32 max);
    error InvalidSignature();
    error EmptyRoot();
    error BatchAlreadyAnchored(bytes32 root);
    error BatchNotAnchored(bytes32 root);
    error InvalidProof();
    error ZeroOwner();

    constructor() ERC721("aiprov provenance", "AIPROV") EIP712("aiprov", "1") {}

    /// @notice Registers the manifest that owner signed and mints its token to
    /// owner. The signature must recover to owner: one made for another
    /// chain, registry or message recovers to some other address, so it
    /// registers nothing.
    function register(ManifestAttestation calldata a, address owner, bytes calldata signature)
        external
        returns (uint256 tokenId)
    {
        bytes32 digest = _hashTypedDataV4(_structHash(a));
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(digest, signature);
        if (err != ECDSA.RecoverError.NoError || signer != owner || owner == address(0)) revert InvalidSignature();
        return _record(a, owner, bytes32(0));
    }

    /// @notice Anchors the StandardMerkleTree root of a batch of
    /// (owner, hashStruct(attestation)) leaves; count is informational.
    function anchorBatch(bytes32 root, uint256 count) external {
        if (root == bytes32(0)) revert EmptyRoot();
        if (_batches[root].anchorer != address(0)) revert BatchAlreadyAnchored(root);
        _batches[root] = Batch(msg.sender, uint64(block.number));
        emit BatchAnchored(root, msg.sender, count);
    }

    /// @notice Proves that (owner, a) is in an anchored batch and makes its
    /// record, minting the token to owner. Anyone may send it.
    function registerFromBatch(bytes32 root, address owner, ManifestAttestation calldata a, bytes32[] calldata proof)
        external
        returns (uint256 tokenId)
    {
        if (!isInBatch(root, owner, a, proof)) {
            if (_batches[root].anchorer == address(0)) revert BatchNotAnchored(root);
            revert InvalidProof();
        }
        if (owner == address(0)) revert ZeroOwner();
        return _record(a, owner, root);
    }

    /// @notice Whether (owner, a) is a leaf of the anchored batch root.
    function isInBatch(bytes32 root, address owner, ManifestAttestation calldata a, bytes32[] calldata proof)
        public
        view
        returns (bool)
    {
        if (_batches[root].anchorer == address(0)) return false;
        return MerkleProof.verifyCalldata(proof, root, batchLeaf(owner, _structHash(a)));
    }

    /// @notice The StandardMerkleTree leaf of (owner, hashStruct(attestation)).
    function batchLeaf(address owner, bytes32 structHash) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(owner, structHash))));
    }

    /// @notice hashStruct(a), the EIP-712 struct hash.
    function attestationHash(ManifestAttestation calldata a) external pure returns (bytes32) {
        return _structHash(a);
    }

    /// @notice Who anchored root, and in which block (zero if never).
    function batchOf(bytes32 root) external view returns (address anchorer, uint64 blockNumber) {
        Batch memory b = _batches[root];
        return (b.anchorer, b.blockNumber);
    }

    /// @notice The block a record was made in and its royalty rate; reverts
    /// with ERC721NonexistentToken if there is no record.
    function recordOf(uint256 tokenId) external view returns (uint64 blockNumber, uint32 royaltyShare) {
        _requireOwned(tokenId);
        Record memory r = _records[tokenId];
        return (r.blockNumber, r.royaltyShare);
    }

    /// @notice Whether the manifest with this digest has a record.
    function isRegistered(bytes32 manifestDigest) external view returns (bool) {
        return _ownerOf(uint256(manifestDigest)) != address(0);
    }

    /// @notice ipfs://<the manifest's CIDv1, base32>.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return string.concat("ipfs://b", string(_base32(abi.encodePacked(bytes4(0x01711220), tokenId))));
    }

    /// @notice EIP-2981: the token's owner receives the rate set at registration.
    function royaltyInfo(uint256 tokenId, uint256 salePrice)
        external
        view
        override
        returns (address receiver, uint256 royaltyAmount)
    {
        receiver = _requireOwned(tokenId);
        royaltyAmount = salePrice * _records[tokenId].royaltyShare / SHARE_WHOLE;
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, IERC165) returns (bool) {
        return interfaceId == type(IERC2981).interfaceId || super.supportsInterface(interfaceId);
    }

    function _record(ManifestAttestation calldata a, address owner, bytes32 batchRoot)
        private
        returns (uint256 tokenId)
    {
        if (a.manifestDigest == bytes32(0)) revert ZeroDigest();
        tokenId = uint256(a.manifestDigest);
        address existing = _ownerOf(tokenId);
        if (existing != address(0)) revert AlreadyRegistered(tokenId, existing);
        if (a.royaltyShare > SHARE_WHOLE) revert RoyaltyShareTooHigh(a.royaltyShare, SHARE_WHOLE);
        uint256 n = a.parents.length;
        if (n > MAX_PARENTS) revert TooManyParents(n, MAX_PARENTS);
        bytes32 prev;
        for (uint256 i; i < n; ++i) {
            bytes32 p = a.parents[i];
            // Strictly ascending: no duplicates, checked in one pass.
            if (i > 0 && p <= prev) revert ParentsNotAscending(i);
            if (_ownerOf(uint256(p)) == address(0)) revert ParentNotRegistered(uint256(p));
            emit Linked(uint256(p), tokenId);
            prev = p;
        }
        _records[tokenId] = Record(uint64(block.number), a.royaltyShare);
        _mint(owner, tokenId);
        emit Registered(tokenId, owner, batchRoot, a.subjectDigest, a.parents, a.royaltyShare);
    }

    function _structHash(ManifestAttestation calldata a) private pure returns (bytes32) {
        return keccak256(
            abi.encode(
                MANIFEST_ATTESTATION_TYPEHASH,
                a.manifestDigest,
                a.subjectDigest,
                a.subjectSize,
                a.created,
                keccak256(abi.encodePacked(a.parents)),
                a.royaltyShare
            )
        );
    }

    /// @dev RFC 4648 base32, lower case, no padding: multibase 'b'.
    function _base32(bytes memory data) private pure returns (bytes memory out) {
        bytes memory alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        out = new bytes((data.length * 8 + 4) / 5);
        uint256 buffer;
        uint256 bits;
        uint256 j;
        for (uint256 i; i < data.length; ++i) {
            buffer = (buffer << 8) | uint8(data[i]);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[j++] = alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0) out[j] = alphabet[(buffer << (5 - bits)) & 31];
    }
}
