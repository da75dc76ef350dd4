// SPDX-License-Identifier: MIT
// Test-only contracts for the Distributor's tests (never deployed for real).
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// OpenZeppelin's ERC20 as it is, minting its supply to the deployer.
contract TestToken is ERC20 {
    constructor(uint256 supply) ERC20("Test", "TST") {
        _mint(msg.sender, supply);
    }
}

/// An ERC20 that burns 1% of every transfer between two holders: what
/// arrives is less than what was sent.
contract FeeToken is ERC20 {
    constructor(uint256 supply) ERC20("Fee", "FEE") {
        _mint(msg.sender, supply);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0)) {
            uint256 fee = value / 100;
            super._update(from, address(0), fee);
            value -= fee;
        }
        super._update(from, to, value);
    }
}

/// A stand-in registry: an ERC-721 whose tokens anyone mints.
contract TestRegistry is ERC721 {
    constructor() ERC721("Registry", "REG") {}

    function mint(address to, uint256 id) external {
        _mint(to, id);
    }
}

/// A non-standard ERC-20 as USDT is on mainnet: transfer, transferFrom and
/// approve return nothing. SafeERC20 accepts it; a plain IERC20 call would
/// revert decoding the missing bool.
contract NoReturnToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    constructor(uint256 supply) {
        balanceOf[msg.sender] = supply;
    }

    function approve(address spender, uint256 value) external {
        allowance[msg.sender][spender] = value;
    }

    function transfer(address to, uint256 value) external {
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
    }

    function transferFrom(address from, address to, uint256 value) external {
        allowance[from][msg.sender] -= value;
        balanceOf[from] -= value;
        balanceOf[to] += value;
    }
}

/// An ERC-20 whose transfers fail by returning false instead of reverting:
/// SafeERC20 must turn that into a revert, so nothing is credited or paid.
contract FalseToken is ERC20 {
    constructor(uint256 supply) ERC20("False", "NO") {
        _mint(msg.sender, supply);
    }

    function transfer(address, uint256) public pure override returns (bool) {
        return false;
    }

    function transferFrom(address, address, uint256) public pure override returns (bool) {
        return false;
    }
}
