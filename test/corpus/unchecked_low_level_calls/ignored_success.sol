// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Withdrawer {
    mapping(address => uint256) public owed;

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        owed[msg.sender] = 0;
        (bool success, ) = msg.sender.call{value: amount}(""); // @vulnerable: unchecked_low_level_calls
    }
}
