// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract NftMint {
    uint256 public nextId;
    mapping(uint256 => uint256) public rarity;

    function mint() external payable { // @vulnerable: denial_of_service
        uint256 seed = uint256(keccak256(abi.encode(block.timestamp, msg.sender, nextId))); // @vulnerable: bad_randomness
        rarity[nextId] = seed % 100;
        nextId += 1;
    }
}
