// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Sale {
    uint256 public opens;
    mapping(address => uint256) public bought;

    constructor(uint256 o) { opens = o; }

    function buy() external payable { // @vulnerable: denial_of_service
        require(block.timestamp == opens, "exact second only"); // @vulnerable: time_manipulation
        bought[msg.sender] += msg.value;
    }
}
