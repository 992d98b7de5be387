// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Escrow {
    address public immutable buyer;
    address payable public immutable seller;
    address public immutable arbiter;
    bool public released;
    error NotAllowed();
    error AlreadyReleased();
    error SendFailed();
    event Released(uint256 amount);

    constructor(address payable _seller, address _arbiter) payable {
        if (_seller == address(0) || _arbiter == address(0)) revert NotAllowed();
        buyer = msg.sender;
        seller = _seller;
        arbiter = _arbiter;
    }

    function release() external {
        if (msg.sender != buyer && msg.sender != arbiter) revert NotAllowed();
        if (released) revert AlreadyReleased();
        released = true;
        uint256 amount = address(this).balance;
        emit Released(amount);
        (bool ok, ) = seller.call{value: amount}("");
        if (!ok) revert SendFailed();
    }
}
